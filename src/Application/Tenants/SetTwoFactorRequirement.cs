using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

public sealed record TwoFactorRequirementDto(bool RequiresTwoFactor);

/// <summary>
/// Whether every member of the workspace must sign in with a second factor. Members without one are sent to set it
/// up when they next sign in. The admin who turns it on must have it already, so as not to lock themselves out.
/// </summary>
public sealed record SetTwoFactorRequirement(Guid TenantId, bool Required) : ICommand<TwoFactorRequirementDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class SetTwoFactorRequirementHandler(ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<SetTwoFactorRequirement, TwoFactorRequirementDto>
{
    public async ValueTask<TwoFactorRequirementDto> Handle(SetTwoFactorRequirement command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        var tenant = await catalog.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", command.TenantId);
        if (command.Required && !(await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).Single().TwoFactorEnabled)
        {
            throw InputValidationException.For("required",
                "Turn on two-factor sign-in for your own account first (Account settings), then require it for the workspace.");
        }

        if (tenant.RequiresTwoFactor != command.Required)
        {
            tenant.RequireTwoFactor(command.Required);
            await catalog.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditEventType.TwoFactorRequirementChanged, tenant.Id, currentUser.UserId,
                command.Required ? "Two-factor sign-in is now required for every member." : "Two-factor sign-in is no longer required.",
                cancellationToken);
        }

        return new TwoFactorRequirementDto(tenant.RequiresTwoFactor);
    }
}
