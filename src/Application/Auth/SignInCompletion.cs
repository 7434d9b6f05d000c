using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// The last step of every sign-in, whatever proved the person (a password, a password and a second factor, a
/// provider's token): picks the workspace, opens the session, records it.
/// </summary>
public sealed class SignInCompletion(ICatalogDb catalog, SessionIssuer sessions, IAuditLog audit)
{
    /// <summary>Opens a session in <paramref name="tenantId"/>, or in the first workspace the user joined. Saves.</summary>
    public async Task<AuthResponse> OpenSessionAsync(UserAccount user, Guid? tenantId, string how, CancellationToken cancellationToken)
    {
        var membership = await catalog.Memberships
            .Where(m => m.UserId == user.Id)
            .Join(catalog.Tenants.Where(t => t.State == TenantState.Ready), m => m.TenantId, t => t.Id, (m, t) => new { m.Role, Tenant = t })
            .Where(x => tenantId == null || x.Tenant.Id == tenantId)
            .OrderBy(x => x.Tenant.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthenticationFailedException(tenantId is null
                ? "This account does not belong to any workspace any more."
                : "This account does not belong to that workspace.");

        var response = sessions.Start(user, membership.Tenant, membership.Role);
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.SignInSucceeded, membership.Tenant.Id, user.Id, how, cancellationToken);
        return response;
    }
}
