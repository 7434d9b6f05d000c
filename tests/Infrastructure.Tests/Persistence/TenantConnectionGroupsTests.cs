using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>Tenants' connections by group: a tenant's statements go through its group's pool, and only its group's.</summary>
public sealed class TenantConnectionGroupsTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    [Fact]
    public void The_maximum_pool_size_is_shared_out_with_a_floor_and_each_group_is_named()
    {
        var shared = new TenantConnectionGroups("Host=db;Maximum Pool Size=100", 16);
        var floor = new TenantConnectionGroups("Host=db;Maximum Pool Size=20;Minimum Pool Size=10;Application Name=api-eu", 16);
        var one = new TenantConnectionGroups("Host=db", 1);

        Assert.Equal(7, shared.ConnectionsPerGroup);
        Assert.Equal(TenantConnectionGroups.MinConnectionsPerGroup, floor.ConnectionsPerGroup);
        var builder = new NpgsqlConnectionStringBuilder(floor.For(Guid.Empty));
        Assert.Equal(4, builder.MinPoolSize);
        Assert.StartsWith("api-eu tenants ", builder.ApplicationName, StringComparison.Ordinal);
        Assert.Equal(100, new NpgsqlConnectionStringBuilder(one.For(Guid.NewGuid())).MaxPoolSize);
        // Every group is used, about evenly, and a tenant's group is the same each time.
        var counts = Enumerable.Range(0, 16_000).Select(_ => Guid.NewGuid()).GroupBy(shared.GroupOf).Select(g => g.Count()).ToList();
        Assert.Equal(16, counts.Count);
        Assert.All(counts, count => Assert.InRange(count, 800, 1200));
        var tenant = Guid.NewGuid();
        Assert.Equal(shared.For(tenant), shared.For(tenant));
    }

    [Fact]
    public async Task A_tenant_s_statements_go_through_its_group_s_pool_and_a_reused_context_follows_its_next_tenant()
    {
        var groups = host.Services.GetRequiredService<TenantConnectionGroups>();
        var tenants = new List<Guid>();
        while (tenants.Select(groups.GroupOf).Distinct().Count() < 3)
        {
            tenants.Add((await host.ProvisionTenantAsync($"Group {tenants.Count}")).Id);
        }

        // One after the other in scopes of their own: pooled contexts are handed from one tenant to the next.
        foreach (var tenant in tenants.Concat(tenants.AsEnumerable().Reverse()))
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var (application, searchPath) = await SessionAsync(db);

            Assert.Equal(new NpgsqlConnectionStringBuilder(groups.For(tenant)).ApplicationName, application);
            Assert.Equal($"tenant_{tenant:N}", searchPath);
            Assert.Equal(0, await db.Companies.CountAsync());
        }
    }

    private static async Task<(string Application, string SearchPath)> SessionAsync(TenantDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = new NpgsqlCommand("SELECT current_setting('application_name'), current_setting('search_path')",
                (NpgsqlConnection)db.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetString(0), reader.GetString(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
