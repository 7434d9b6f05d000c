using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Tenants;

/// <summary>
/// Makes a workspace, in one order for every way one is made (sign-up, sign-up with a provider, another workspace):
/// the tenant row, its first admin's membership, the tenant's schema with every table, then the tenant marked ready.
/// </summary>
/// <remarks>
/// It writes inside <c>transaction</c>, which the caller commits with whatever else belongs to the workspace (its
/// user, the first session): the schema's DDL is transactional in PostgreSQL, so a failure anywhere, even a crash,
/// leaves no tenant, schema or membership behind, and a retry starts clean.
/// </remarks>
public sealed class WorkspaceProvisioner(ICatalogDb catalog, ITenantProvisioner schemas, TimeProvider clock)
{
    /// <summary>
    /// A ready workspace named <paramref name="name"/> with <paramref name="adminId"/> (a user already saved in the same
    /// transaction, or before it) as its admin. <paramref name="timeZone"/> is an IANA zone; an unknown or missing one
    /// leaves the workspace on UTC, never refuses.
    /// </summary>
    public async Task<Tenant> ProvisionAsync(
        CatalogTransaction transaction, string name, string? timeZone, Guid adminId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(name, now);
        if (TenantTime.Find(timeZone?.Trim()) is { HasIanaId: true } zone)
        {
            tenant.SetTimeZone(zone.Id);
        }

        catalog.Tenants.Add(tenant);
        catalog.Memberships.Add(TenantMembership.Create(tenant.Id, adminId, TenantRole.Admin, now));
        await catalog.SaveChangesAsync(cancellationToken);
        await schemas.CreateSchemaAsync(transaction, tenant, cancellationToken);
        tenant.MarkReady();
        await catalog.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
