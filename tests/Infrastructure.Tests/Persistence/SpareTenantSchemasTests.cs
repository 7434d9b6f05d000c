using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>Tenant schemas made ahead of time, taken by sign-ups on a real PostgreSQL (the keeper's work called directly).</summary>
public sealed class SpareTenantSchemasTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    private SpareTenantSchemas Spares => host.Services.GetRequiredService<SpareTenantSchemas>();

    [Fact]
    public async Task A_sign_up_takes_a_ready_spare_as_its_schema_and_the_keeper_makes_another()
    {
        await Spares.FillAsync(CancellationToken.None);
        var before = await ReadyAsync();
        Assert.Equal(2, before.Count);

        var tenant = await host.ProvisionTenantAsync("Spare");

        var after = await ReadyAsync();
        Assert.Single(after);
        var taken = Assert.Single(before.Except(after));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{taken}'"));
        await AssertCompleteAsync(tenant);

        Assert.Equal(1, await Spares.FillAsync(CancellationToken.None));
        Assert.Equal(2, (await ReadyAsync()).Count);
    }

    [Fact]
    public async Task The_keeper_fills_the_spares_when_it_starts_and_again_as_soon_as_a_sign_up_took_one()
    {
        using var keeper = ActivatorUtilities.CreateInstance<SpareTenantSchemaKeeper>(host.Services);
        // None ready to begin with.
        await host.ExecuteAsync($"""
            DO $$ DECLARE spare text; BEGIN
                FOR spare IN DELETE FROM {SpareTenantSchemas.Table} RETURNING schema_name LOOP
                    EXECUTE format('DROP SCHEMA %I CASCADE', spare);
                END LOOP;
            END $$;
            """);

        await keeper.StartAsync(CancellationToken.None);
        try
        {
            await WaitForReadyAsync(2);
            await host.ProvisionTenantAsync("Kept");
            // Told at once by the sign-up: far sooner than its one-minute round.
            await WaitForReadyAsync(2);
        }
        finally
        {
            await keeper.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Sign_ups_at_once_never_share_a_spare_and_those_that_find_none_make_their_own_schema()
    {
        await Spares.FillAsync(CancellationToken.None);

        var tenants = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => host.ProvisionTenantAsync($"Rush {i}")));

        Assert.Empty(await ReadyAsync());
        foreach (var tenant in tenants)
        {
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{tenant.SchemaName}'"));
        }

        // No spare schema without its row, no row without its schema.
        Assert.Equal(0L, await CountAsync(
            $"SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'spare\\_%' AND nspname NOT IN (SELECT schema_name FROM {SpareTenantSchemas.Table})"));
        Assert.Equal(0L, await CountAsync(
            $"SELECT count(*) FROM {SpareTenantSchemas.Table} WHERE schema_name NOT IN (SELECT nspname FROM pg_namespace)"));
        await Spares.FillAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sign_up_that_fails_gives_its_spare_back()
    {
        await Spares.FillAsync(CancellationToken.None);
        var before = await ReadyAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            await using var transaction = await CatalogTransaction.BeginAsync(catalog, CancellationToken.None);
            var tenant = Tenant.Create("Rolled back", DateTimeOffset.UtcNow);
            await scope.ServiceProvider.GetRequiredService<ITenantProvisioner>().CreateSchemaAsync(transaction, tenant, CancellationToken.None);
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{tenant.SchemaName}'", catalog));
            // Disposed without a commit: as when a later step of the sign-up throws.
        }

        Assert.Equal(before, await ReadyAsync());
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname IN ('{before[0]}', '{before[1]}')"));
    }

    [Fact]
    public async Task A_spare_of_another_release_is_never_taken_and_is_dropped_once_no_node_of_that_release_can_be_taking_it()
    {
        var (recent, old) = ($"spare_{Guid.NewGuid():N}", $"spare_{Guid.NewGuid():N}");
        await host.ExecuteAsync($"""
            CREATE SCHEMA "{recent}"; CREATE SCHEMA "{old}";
            INSERT INTO {SpareTenantSchemas.Table} (schema_name, script_hash, created_at)
            VALUES ('{recent}', 'another', now() - interval '1 minute'), ('{old}', 'another', now() - interval '1 hour');
            """);

        await Spares.FillAsync(CancellationToken.None);
        var tenant = await host.ProvisionTenantAsync("Current");

        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{recent}'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{old}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM {SpareTenantSchemas.Table} WHERE script_hash = 'another'"));
        await AssertCompleteAsync(tenant);
        await host.ExecuteAsync($"""DROP SCHEMA "{recent}"; DELETE FROM {SpareTenantSchemas.Table} WHERE schema_name = '{recent}';""");
    }

    /// <summary>The tenant's schema has every table of the model, none pending a migration, and answers a query.</summary>
    private async Task AssertCompleteAsync(Tenant tenant)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var tables = await CountAsync(
            $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{tenant.SchemaName}' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'");
        Assert.Equal(db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.Count(t => !t.IsExcludedFromMigrations), (int)tables);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Companies.CountAsync());
    }

    private async Task WaitForReadyAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReadyAsync()).Count != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The keeper did not make {count} spares within 30 s.");
            await Task.Delay(100);
        }
    }

    private async Task<List<string>> ReadyAsync()
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT schema_name FROM {SpareTenantSchemas.Table} WHERE script_hash = $1 ORDER BY 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Spares.ScriptHash });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> CountAsync(string sql, CatalogDbContext? inTransaction = null)
    {
        if (inTransaction is not null)
        {
            await using var inside = inTransaction.Database.GetDbConnection().CreateCommand();
            inside.CommandText = sql;
            inside.Transaction = inTransaction.Database.CurrentTransaction!.GetDbTransaction();
            return (long)(await inside.ExecuteScalarAsync())!;
        }

        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
