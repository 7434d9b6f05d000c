using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

/// <summary>
/// A member and the tenant's admin count, read under the tenant's lock (inside the caller's transaction): two admins
/// demoting or removing each other at once cannot both see the other still there and leave the tenant with none.
/// </summary>
internal static class AdminCount
{
    public static async Task<(TenantMembership Membership, int Admins)> LoadLockedAsync(
        ICatalogDb catalog, Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await catalog.LockTenantAsync(tenantId, cancellationToken);
        var membership = await catalog.Memberships
            .SingleOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Member", userId);
        var admins = await catalog.Memberships.CountAsync(m => m.TenantId == tenantId && m.Role == TenantRole.Admin, cancellationToken);
        return (membership, admins);
    }
}
