using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using BrandAutomator.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Persistence;

/// <summary>The infrastructure alone (no HTTP) on a real PostgreSQL database of its own.</summary>
public sealed class InfrastructureHost : IAsyncLifetime
{
    public ServiceProvider Services { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("infra");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = ConnectionString,
                ["Embedded:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"brandauto-infra-{Guid.NewGuid():N}"),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing" });
        services.AddInfrastructure(configuration);
        services.AddSingleton<IRequestInfo>(new NoRequest());
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    /// <summary>Provisions a tenant the way sign-up does, inside a catalog transaction.</summary>
    public async Task<Tenant> ProvisionTenantAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await using var transaction = await CatalogTransaction.BeginAsync(catalog, CancellationToken.None);
        var tenant = Tenant.Create(name, DateTimeOffset.UtcNow);
        catalog.Tenants.Add(tenant);
        await scope.ServiceProvider.GetRequiredService<ITenantProvisioner>().CreateSchemaAsync(transaction, tenant, CancellationToken.None);
        tenant.MarkReady();
        await catalog.SaveChangesAsync();
        await transaction.CommitAsync(CancellationToken.None);
        return tenant;
    }

    /// <summary>Runs SQL as the database's owner, outside any tenant context: to set up or break what a test needs.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    private sealed class NoRequest : IRequestInfo
    {
        public string? IpAddress => null;

        public string? UserAgent => null;
    }
}

/// <summary>The infrastructure's services on a database that is created but not yet migrated (or on another's).</summary>
public sealed class InfrastructureHostWithoutMigration
{
    public InfrastructureHostWithoutMigration(string? connectionString = null)
    {
        ConnectionString = connectionString ?? PostgresServer.CreateDatabaseAsync("infra").GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = ConnectionString,
                ["Embedded:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"brandauto-infra-{Guid.NewGuid():N}"),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing" });
        services.AddInfrastructure(configuration);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public string ConnectionString { get; }

    public async Task DisposeAsync(bool dropDatabase)
    {
        await Services.DisposeAsync();
        if (dropDatabase)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }
    }
}

public sealed class TenantSchemaTests(InfrastructureHost host) : IClassFixture<InfrastructureHost>
{
    [Fact]
    public async Task The_tenant_context_reads_and_writes_only_its_own_schema()
    {
        var a = await host.ProvisionTenantAsync("A");
        var b = await host.ProvisionTenantAsync("B");

        await InTenantAsync(a.Id, async db =>
        {
            db.Companies.Add(Company.Create("A's brand", null, null, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, await InTenantAsync(a.Id, db => db.Companies.CountAsync()));
        Assert.Equal(0, await InTenantAsync(b.Id, db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task Without_a_tenant_the_tenant_context_refuses_to_open_a_connection()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Companies.CountAsync());
        Assert.Contains("No tenant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_cannot_be_switched_to_another_tenant()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ITenantContext>();
        context.Use(Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(() => context.Use(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_pooled_connection_comes_back_with_the_default_search_path()
    {
        var tenant = await host.ProvisionTenantAsync("Pool");
        // A pool of one: the next connection is certainly the one the tenant context used.
        await using var dataSource = new NpgsqlDataSourceBuilder(host.ConnectionString + ";Maximum Pool Size=1").Build();
        var context = new TenantContext();
        context.Use(tenant.Id);
        var options = new DbContextOptionsBuilder<TenantDbContext>()
            .UseNpgsql(dataSource).UseSnakeCaseNamingConvention()
            .AddInterceptors(new TenantSearchPathInterceptor()).Options;
        await using (var db = new TenantDbContext(options) { Tenant = context })
        {
            Assert.Equal(0, await db.Companies.CountAsync());
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SHOW search_path", connection);
        var searchPath = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain("tenant_", searchPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_schema_has_no_path_to_public_tables()
    {
        var tenant = await host.ProvisionTenantAsync("Sealed");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            InTenantAsync(tenant.Id, db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM tenants").SingleAsync()));

        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
    }

    [Fact]
    public async Task The_migrate_step_brings_every_tenant_schema_that_is_behind_up_to_date()
    {
        var tenant = await host.ProvisionTenantAsync("Behind");
        var latest = host.Services.GetRequiredService<TenantSchemaScript>().LatestMigration;
        // A schema created before the latest migration: take the latest one back down (whatever it contains).
        await InTenantAsync(tenant.Id, async db =>
        {
            var previous = db.Database.GetMigrations().SkipLast(1).Last();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(previous);
            return 0;
        });
        await host.ExecuteAsync($"UPDATE public.tenants SET schema_version = NULL WHERE id = '{tenant.Id}'");
        Assert.Contains(latest, await InTenantAsync(tenant.Id, async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Empty(await InTenantAsync(tenant.Id, async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.Equal(0, await InTenantAsync(tenant.Id, db => db.Companies.CountAsync()));
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        Assert.Equal(latest, (await catalog.Tenants.SingleAsync(t => t.Id == tenant.Id)).SchemaVersion);
    }

    [Fact]
    public async Task Provisioning_records_the_tenant_schema_version_and_history()
    {
        var tenant = await host.ProvisionTenantAsync("Versioned");
        var latest = host.Services.GetRequiredService<TenantSchemaScript>().LatestMigration;

        Assert.Equal(latest, tenant.SchemaVersion);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT migration_id FROM \"{tenant.SchemaName}\".\"__EFMigrationsHistory\" ORDER BY 1 DESC LIMIT 1", connection);
        Assert.Equal(latest, (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_new_schema_is_the_schema_every_migration_makes_when_replayed_one_after_another()
    {
        var tenant = await host.ProvisionTenantAsync("Script");
        var replayed = $"replayed_{Guid.NewGuid():N}";
        string migrations;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            migrations = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>()
                .GenerateScript(options: Microsoft.EntityFrameworkCore.Migrations.MigrationsSqlGenerationOptions.NoTransactions);
        }

        await host.ExecuteAsync($"BEGIN; CREATE SCHEMA \"{replayed}\"; SET LOCAL search_path TO \"{replayed}\"; {migrations} COMMIT;");
        var made = await DescribeAsync(tenant.SchemaName);
        var expected = await DescribeAsync(replayed);

        // Tables, columns with their types and nullability, indexes, constraints, and the history, alike.
        Assert.Equal(expected.Tables, made.Tables);
        Assert.Equal(expected.Indexes, made.Indexes);
        Assert.Equal(expected.Constraints, made.Constraints);
        Assert.Equal(expected.History, made.History);
        Assert.True(made.Tables.Count > 30);
        // Defaults too, those that migrations gave columns they added to tables with rows included: raw SQL relies on them.
        Assert.Equal(expected.Defaults, made.Defaults);
    }

    private sealed record SchemaShape(
        List<string> Tables, List<string> Indexes, List<string> Constraints, List<string> History, Dictionary<string, string> Defaults);

    private async Task<SchemaShape> DescribeAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();

        string Unqualified(string text) =>
            text.Replace($"\"{schema}\".", "", StringComparison.Ordinal).Replace($"{schema}.", "", StringComparison.Ordinal);

        async Task<List<(string Key, string Value)>> RowsAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("schema", schema);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string, string)>();
            while (await reader.ReadAsync())
            {
                // The schema's own name is the one thing that differs by design.
                rows.Add((Unqualified(reader.GetString(0)), Unqualified(reader.GetString(1))));
            }

            return rows;
        }

        var columns = await RowsAsync("""
            SELECT table_name || '.' || column_name,
                   format_type(a.atttypid, a.atttypmod) || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END
                   || coalesce(' identity ' || c.identity_generation, '') || coalesce(' generated ' || c.generation_expression, '')
                   || E'\t' || coalesce(c.column_default, '')
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
            WHERE c.table_schema = @schema ORDER BY 1
            """);
        var indexes = await RowsAsync("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = @schema ORDER BY 1");
        var constraints = await RowsAsync("""
            SELECT conrelid::regclass::text || '.' || conname, contype::text || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = @schema::regnamespace ORDER BY 1
            """);
        var history = await RowsAsync($"""
            SELECT 'history', string_agg(migration_id || ' ' || product_version, ', ' ORDER BY migration_id)
            FROM "{schema}"."__EFMigrationsHistory" WHERE @schema IS NOT NULL
            """);
        return new SchemaShape(
            columns.Select(c => $"{c.Key} {c.Value.Split('\t')[0]}").ToList(),
            indexes.Select(i => $"{i.Key} {i.Value}").ToList(),
            constraints.Select(c => $"{c.Key} {c.Value}").ToList(),
            history.Select(h => h.Value).ToList(),
            columns.Where(c => c.Value.Split('\t')[1].Length > 0).ToDictionary(c => c.Key, c => c.Value.Split('\t')[1]));
    }

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<TenantDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<TenantDbContext>());
    }

    private async Task InTenantAsync(Guid tenantId, Func<TenantDbContext, Task> work) =>
        await InTenantAsync(tenantId, async db =>
        {
            await work(db);
            return 0;
        });
}
