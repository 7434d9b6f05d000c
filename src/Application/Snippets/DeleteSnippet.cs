using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Snippets;

/// <summary>Deletes a snippet; posts made from it keep their text.</summary>
public sealed record DeleteSnippet(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DeleteSnippetHandler(ITenantDb db) : ICommandHandler<DeleteSnippet>
{
    public async ValueTask<Unit> Handle(DeleteSnippet command, CancellationToken cancellationToken)
    {
        var snippet = await db.Snippets.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Snippet", command.Id);
        db.Snippets.Remove(snippet);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
