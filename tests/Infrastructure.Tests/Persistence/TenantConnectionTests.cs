using System.Data;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>
/// What a tenant context's connection gets when it opens (<see cref="TenantSearchPathInterceptor"/>): the tenant's
/// search_path, and the workspace's time zone in the same statement when the context asks for it.
/// </summary>
public sealed class TenantConnectionTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    [Fact]
    public async Task The_time_zone_comes_with_the_connection_that_holds_the_tenant_schema()
    {
        var tenant = await host.ProvisionTenantAsync("Zone");
        await host.ExecuteAsync($"UPDATE public.tenants SET time_zone = 'Europe/Berlin' WHERE id = '{tenant.Id}'");
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        await using var db = Context(dataSource, tenant.Id);

        var (held, zone) = await db.HoldConnectionWithTimeZoneAsync(CancellationToken.None);
        await using (held)
        {
            Assert.Equal("Europe/Berlin", zone);
            Assert.Equal($"\"{tenant.SchemaName}\"", await ShowSearchPathAsync(db));
            // Held: a second read uses the open connection.
            Assert.Equal("Europe/Berlin", await db.TimeZoneIdAsync(CancellationToken.None));
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        }

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal("Europe/Berlin", await db.TimeZoneIdAsync(CancellationToken.None));
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Null(db.TimeZoneReadOnOpen);
    }

    [Fact]
    public async Task Inside_a_transaction_the_time_zone_is_read_on_the_transaction()
    {
        var tenant = await host.ProvisionTenantAsync("Zone in a transaction");
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        await using var db = Context(dataSource, tenant.Id);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var (held, zone) = await db.HoldConnectionWithTimeZoneAsync(CancellationToken.None);
        await held.DisposeAsync();

        Assert.Equal(tenant.TimeZone, zone);
        // The transaction's connection stays open after the hold is released.
        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        Assert.Equal($"\"{tenant.SchemaName}\"", await ShowSearchPathAsync(db));
    }

    [Fact]
    public async Task A_connection_whose_set_up_failed_is_closed_so_no_query_runs_without_the_tenant_schema()
    {
        var tenant = await host.ProvisionTenantAsync("Failed set-up");
        // The set-up statement reads public.tenants; a lock held elsewhere and a short lock timeout make it fail.
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString + ";Options=-c lock_timeout=200");
        await using var db = Context(dataSource, tenant.Id);
        await using (var locker = new NpgsqlConnection(host.ConnectionString))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("LOCK TABLE public.tenants IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            // EF's execution strategy wraps what it sees as a transient failure.
            var error = await Assert.ThrowsAnyAsync<Exception>(() => db.TimeZoneIdAsync(CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, Assert.IsType<PostgresException>(error as PostgresException ?? error.InnerException).SqlState);
            Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        }

        // The next query opens again and sets the tenant's schema: it sees the tenant's (empty) table, not a failure
        // or anything outside the schema.
        Assert.Equal(0, await db.Companies.CountAsync());
        db.Companies.Add(Company.Create("After a failed set-up", null, null, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Companies.CountAsync());
        Assert.Null(db.TimeZoneReadOnOpen);
    }

    private static TenantDbContext Context(NpgsqlDataSource dataSource, Guid tenantId)
    {
        var tenant = new TenantContext();
        tenant.Use(tenantId);
        var options = new DbContextOptionsBuilder<TenantDbContext>()
            .UseNpgsql(dataSource).UseSnakeCaseNamingConvention()
            .AddInterceptors(new TenantSearchPathInterceptor()).Options;
        return new TenantDbContext(options) { Tenant = tenant };
    }

    private static async Task<string> ShowSearchPathAsync(TenantDbContext db)
    {
        await using var command = new NpgsqlCommand("SHOW search_path", (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
