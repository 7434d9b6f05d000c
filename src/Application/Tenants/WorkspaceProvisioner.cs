using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Tenants;

/// <summary>
/// Makes a workspace, in one order for every way one is made (sign-up, sign-up with a provider, another workspace):
/// the tenant's schema with every table, then the tenant row (ready) and its first admin's membership.
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
    public Task<Tenant> ProvisionAsync(
        CatalogTransaction transaction, string name, string? timeZone, Guid adminId, CancellationToken cancellationToken) =>
        ProvisionAsync(transaction, name, timeZone, _ => Task.FromResult(adminId), cancellationToken);

    /// <summary>
    /// As above, with the admin saved by <paramref name="saveAdmin"/> once the schema exists: sign-up creates its user
    /// there, so the new password is hashed while PostgreSQL creates the schema (the two longest steps, on two cores).
    /// </summary>
    public async Task<Tenant> ProvisionAsync(
        CatalogTransaction transaction, string name, string? timeZone, Func<CancellationToken, Task<Guid>> saveAdmin,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(name, now);
        if (TenantTime.Find(timeZone?.Trim()) is { HasIanaId: true } zone)
        {
            tenant.SetTimeZone(zone.Id);
        }

        // The schema first: it needs no row, and everything is in the one transaction, so nobody sees a tenant without
        // its tables. Then the admin, the tenant (ready) and the membership, in one save.
        await schemas.CreateSchemaAsync(transaction, tenant, cancellationToken);
        var adminId = await saveAdmin(cancellationToken);
        tenant.MarkReady();
        catalog.Tenants.Add(tenant);
        catalog.Memberships.Add(TenantMembership.Create(tenant.Id, adminId, TenantRole.Admin, now));
        await catalog.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
