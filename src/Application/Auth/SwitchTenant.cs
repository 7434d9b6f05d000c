using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Issues tokens for another tenant the caller belongs to.</summary>
public sealed record SwitchTenant(Guid TenantId) : ICommand<AuthResponse>;

public sealed class SwitchTenantValidator : AbstractValidator<SwitchTenant>
{
    public SwitchTenantValidator() => RuleFor(x => x.TenantId).NotEmpty();
}

public sealed class SwitchTenantHandler(
    ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser, SessionIssuer sessions)
    : ICommandHandler<SwitchTenant, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(SwitchTenant command, CancellationToken cancellationToken)
    {
        var membership = await catalog.Memberships
            .Where(m => m.UserId == currentUser.UserId && m.TenantId == command.TenantId)
            .Join(catalog.Tenants.Where(t => t.State == TenantState.Ready), m => m.TenantId, t => t.Id, (m, t) => new { m.Role, Tenant = t })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Tenant", command.TenantId);
        var user = (await identity.FindByIdsAsync([currentUser.UserId], cancellationToken)).SingleOrDefault()
            ?? throw new AuthenticationFailedException("Sign in again.");

        var response = sessions.Start(user, membership.Tenant, membership.Role);
        await catalog.SaveChangesAsync(cancellationToken);
        return response;
    }
}
