using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>
/// Tenant affinity (<see cref="TenantContextGroups"/>): a scope of a known tenant leases its context from its tenant's
/// group, whose few connections serve that group's tenants only, and each connection still works in its scope's own
/// tenant schema.
/// </summary>
public sealed class TenantContextGroupsTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    [Fact]
    public async Task A_tenant_s_scopes_reach_its_group_s_few_backends_and_each_works_in_its_own_schema()
    {
        var groups = host.Services.GetRequiredService<TenantContextGroups>();
        var perGroup = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionsPerTenantGroup;
        // Two tenants that share a group, and one of another group.
        var tenants = new List<Guid>();
        Guid first, sameGroup, otherGroup;
        while (true)
        {
            tenants.Add((await host.ProvisionTenantAsync($"Affinity {tenants.Count}")).Id);
            first = tenants[0];
            sameGroup = tenants.Skip(1).FirstOrDefault(t => groups.GroupOf(t) == groups.GroupOf(first));
            otherGroup = tenants.FirstOrDefault(t => groups.GroupOf(t) != groups.GroupOf(first));
            if (sameGroup != Guid.Empty && otherGroup != Guid.Empty)
            {
                break;
            }
        }

        var backends = new Dictionary<Guid, HashSet<int>> { [first] = [], [sameGroup] = [], [otherGroup] = [] };
        for (var round = 0; round < 6; round++)
        {
            foreach (var tenant in new[] { first, otherGroup, sameGroup })
            {
                await using var scope = host.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
                var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();

                Assert.Equal(groups.GroupOf(tenant), scope.ServiceProvider.GetRequiredService<TenantContextGroups.Lease>().Group);
                var (backend, searchPath) = await SessionAsync(db);
                Assert.Equal($"\"tenant_{tenant:N}\"", searchPath);
                Assert.Equal(0, await db.Companies.CountAsync());
                backends[tenant].Add(backend);
            }
        }

        // A group's connections are few and its own: two tenants of one group share them, another group's never do.
        Assert.InRange(backends[first].Count, 1, perGroup);
        Assert.Empty(backends[first].Intersect(backends[otherGroup]));
        Assert.Empty(backends[sameGroup].Intersect(backends[otherGroup]));
        Assert.Equal(0, groups.LentBy(first));
        Assert.Equal(0, groups.LentBy(otherGroup));
    }

    [Fact]
    public async Task A_full_group_or_an_unknown_tenant_leases_from_the_shared_pool_with_the_same_model()
    {
        var groups = host.Services.GetRequiredService<TenantContextGroups>();
        var perGroup = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionsPerTenantGroup;
        var tenant = (await host.ProvisionTenantAsync("Full group")).Id;

        var held = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < perGroup; i++)
            {
                held.Add(ScopeOf(tenant, out var lease));
                Assert.Equal(groups.GroupOf(tenant), lease.Group);
            }

            Assert.Equal(perGroup, groups.LentBy(tenant));
            await using (var overflow = ScopeOf(tenant, out var shared))
            {
                Assert.Null(shared.Group);
                var db = overflow.ServiceProvider.GetRequiredService<TenantDbContext>();
                Assert.Equal($"\"tenant_{tenant:N}\"", (await SessionAsync(db)).SearchPath);
                // One set of EF Core's internal services for every tenant context: the model is the same object.
                Assert.Same(held[0].ServiceProvider.GetRequiredService<TenantDbContext>().Model, db.Model);
            }

            await held[0].DisposeAsync();
            held.RemoveAt(0);
            Assert.Equal(perGroup - 1, groups.LentBy(tenant));
            held.Add(ScopeOf(tenant, out var again));
            Assert.Equal(groups.GroupOf(tenant), again.Group);
        }
        finally
        {
            foreach (var scope in held)
            {
                await scope.DisposeAsync();
            }
        }

        Assert.Equal(0, groups.LentBy(tenant));

        // A scope that resolves its context before it knows its tenant (sign-up) uses the shared pool, and its
        // connection still works in the tenant's schema once the tenant is set.
        await using var late = host.Services.CreateAsyncScope();
        var lateDb = late.ServiceProvider.GetRequiredService<TenantDbContext>();
        Assert.Null(late.ServiceProvider.GetRequiredService<TenantContextGroups.Lease>().Group);
        late.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
        Assert.Equal($"\"tenant_{tenant:N}\"", (await SessionAsync(lateDb)).SearchPath);
    }

    private AsyncServiceScope ScopeOf(Guid tenant, out TenantContextGroups.Lease lease)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
        scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        lease = scope.ServiceProvider.GetRequiredService<TenantContextGroups.Lease>();
        return scope;
    }

    private static async Task<(int Backend, string SearchPath)> SessionAsync(TenantDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_backend_pid(), current_setting('search_path')",
                (NpgsqlConnection)db.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt32(0), reader.GetString(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
