using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.Application.Tenants;

internal static class CurrentTenant
{
    /// <summary>
    /// A tenant id in a path only ever names the caller's own tenant (taken from the token); any other id is
    /// answered as not found, the same as an id that does not exist.
    /// </summary>
    public static void EnsureIs(this ICurrentUser currentUser, Guid tenantId)
    {
        if (!currentUser.IsAuthenticated || currentUser.TenantId != tenantId)
        {
            throw new NotFoundException("Tenant", tenantId);
        }
    }
}
