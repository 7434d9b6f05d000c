using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Scheduling;
using BrandAutomator.Infrastructure.Tests.Persistence;
using BrandAutomator.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BrandAutomator.Infrastructure.Tests.Scheduling;

/// <summary>Several API nodes starting at the same moment on one empty database, as a cluster deployment does.</summary>
public sealed class StartupConcurrencyTests
{
    [Fact]
    public async Task Nodes_starting_together_create_the_quartz_tables_once_and_none_fails()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("quartz");
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var nodes = Enumerable.Range(0, 6).Select(_ => new QuartzSchema(dataSource, new ServiceCollection().BuildServiceProvider()));

            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.EnsureAsync(CancellationToken.None))));

            await using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'quartz' AND table_name LIKE 'qrtz_%'");
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 11);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Nodes_starting_together_migrate_the_catalog_once_and_none_fails()
    {
        var first = new InfrastructureHostWithoutMigration();
        var second = new InfrastructureHostWithoutMigration(first.ConnectionString);
        try
        {
            var runs = await Task.WhenAll(
                Task.Run(() => first.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None)),
                Task.Run(() => second.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None)));

            // Once: one node applied every catalog migration, the other found none left to apply.
            await using var scope = first.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var all = catalog.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            var applied = runs.OrderByDescending(r => r.CatalogMigrationsApplied.Count).ToList();
            Assert.Equal(all, applied[0].CatalogMigrationsApplied);
            Assert.Empty(applied[1].CatalogMigrationsApplied);

            // And the database says so: each migration is recorded once, and both nodes now see nothing pending.
            await using var dataSource = NpgsqlDataSource.Create(first.ConnectionString);
            await using var history = dataSource.CreateCommand(
                "SELECT count(*), count(DISTINCT migration_id) FROM public.\"__EFMigrationsHistory\"");
            await using (var reader = await history.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                Assert.Equal(all.Count, reader.GetInt64(0));
                Assert.Equal(all.Count, reader.GetInt64(1));
            }

            Assert.Empty(await catalog.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            await second.DisposeAsync(dropDatabase: false);
            await first.DisposeAsync(dropDatabase: true);
        }
    }
}
