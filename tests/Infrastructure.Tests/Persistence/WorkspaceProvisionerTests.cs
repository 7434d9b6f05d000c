using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Tenants;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>
/// The one way a workspace is made (sign-up, sign-up with a provider, another workspace), on a real PostgreSQL: the
/// user, the tenant, its admin and its schema are kept or dropped together with the transaction the caller passes.
/// </summary>
public sealed class WorkspaceProvisionerTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    [Fact]
    public async Task A_committed_workspace_is_ready_with_its_admin_its_zone_and_every_tenant_table()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        Tenant tenant;
        Guid userId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (catalog, identity, workspaces) = Resolve(scope);
            await using var transaction = await CatalogTransaction.BeginAsync(catalog, CancellationToken.None);
            userId = (await identity.CreateUserAsync(transaction, email, "A long enough passphrase 1", "Owner", CancellationToken.None)).Id;
            tenant = await workspaces.ProvisionAsync(transaction, "Committed", "Europe/Paris", userId, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var stored = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.Id);
        Assert.Equal(TenantState.Ready, stored.State);
        Assert.Equal("Europe/Paris", stored.TimeZone);
        Assert.Equal(TenantRole.Admin, (await db.Memberships.AsNoTracking().SingleAsync(m => m.TenantId == tenant.Id && m.UserId == userId)).Role);
        Assert.Equal(1, await SchemaCountAsync(db, tenant.SchemaName));
        Assert.True(await TableCountAsync(db, tenant.SchemaName) > 10);
    }

    [Fact]
    public async Task A_workspace_whose_transaction_is_not_committed_leaves_no_user_tenant_membership_or_schema()
    {
        var email = $"gone-{Guid.NewGuid():N}@example.com";
        Tenant tenant;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (catalog, identity, workspaces) = Resolve(scope);
            await using var transaction = await CatalogTransaction.BeginAsync(catalog, CancellationToken.None);
            var user = await identity.CreateUserAsync(transaction, email, "A long enough passphrase 1", "Gone", CancellationToken.None);
            tenant = await workspaces.ProvisionAsync(transaction, "Rolled back", null, user.Id, CancellationToken.None);
            // Disposed without a commit, as the pipeline does when the handler fails after this point.
        }

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CatalogDbContext>();
        Assert.False(await db.Tenants.AnyAsync(t => t.Id == tenant.Id));
        Assert.False(await db.Memberships.AnyAsync(m => m.TenantId == tenant.Id));
        Assert.Null(await check.ServiceProvider.GetRequiredService<IIdentityService>().FindByEmailAsync(email, CancellationToken.None));
        Assert.Equal(0, await SchemaCountAsync(db, tenant.SchemaName));
    }

    [Fact]
    public async Task A_transaction_of_another_scope_is_refused_before_anything_is_written()
    {
        await using var other = host.Services.CreateAsyncScope();
        await using var foreign = await CatalogTransaction.BeginAsync(other.ServiceProvider.GetRequiredService<ICatalogDb>(), CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var (_, identity, _) = Resolve(scope);
        var tenant = Tenant.Create("Foreign", DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<ITenantProvisioner>().CreateSchemaAsync(foreign, tenant, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            identity.CreateUserAsync(foreign, $"foreign-{Guid.NewGuid():N}@example.com", "A long enough passphrase 1", "F", CancellationToken.None));
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        Assert.Null(catalog.Database.CurrentTransaction);
        Assert.Equal(0, await SchemaCountAsync(catalog, tenant.SchemaName));
    }

    private static (ICatalogDb Catalog, IIdentityService Identity, WorkspaceProvisioner Workspaces) Resolve(AsyncServiceScope scope)
    {
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogDb>();
        var workspaces = new WorkspaceProvisioner(catalog, scope.ServiceProvider.GetRequiredService<ITenantProvisioner>(), TimeProvider.System);
        return (catalog, scope.ServiceProvider.GetRequiredService<IIdentityService>(), workspaces);
    }

    private static Task<int> SchemaCountAsync(CatalogDbContext db, string schema) =>
        db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_namespace WHERE nspname = {schema}").SingleAsync();

    private static Task<int> TableCountAsync(CatalogDbContext db, string schema) =>
        db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = {schema}").SingleAsync();
}
