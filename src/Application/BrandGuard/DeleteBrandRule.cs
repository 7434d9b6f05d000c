using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>Deletes a rule the team added. A rule read from the documents is switched off instead (it would be read again).</summary>
public sealed record DeleteBrandRule(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DeleteBrandRuleHandler(ITenantDb db) : ICommandHandler<DeleteBrandRule>
{
    public async ValueTask<Unit> Handle(DeleteBrandRule command, CancellationToken cancellationToken)
    {
        var rule = await db.BrandRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Rule", command.Id);
        if (rule.Origin == BrandRuleOrigin.Documents)
        {
            throw new ConflictException("A rule read from your documents cannot be deleted; switch it off instead.");
        }

        db.BrandRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
