using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Persistence;

/// <summary>
/// The one migrate step: catalog migrations first, then every tenant schema that is behind, a few at a time,
/// recording each tenant's version. Development runs it at start-up; production runs it as a separate command.
/// </summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    // Any constant every node agrees on: "migrate" in ASCII.
    private const long LockKey = 0x6D696772617465;

    /// <summary>
    /// Runs the migrate step under a PostgreSQL advisory lock: API nodes that start together (each migrating on
    /// start-up) take turns, and the later ones find nothing left to do instead of creating the same tables twice.
    /// Returns what this call applied, so that a caller (and a test) can tell the node that did the work from the others.
    /// </summary>
    public async Task<MigrationRun> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            return await MigrateUnlockedAsync(cancellationToken);
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<MigrationRun> MigrateUnlockedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> catalogApplied;
        await using (var scope = services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            // Read under the lock: what is pending now is exactly what this call applies.
            catalogApplied = [.. await catalog.Database.GetPendingMigrationsAsync(cancellationToken)];
            await catalog.Database.MigrateAsync(cancellationToken);
        }

        string latest;
        List<Guid> behind;
        await using (var scope = services.CreateAsyncScope())
        {
            latest = scope.ServiceProvider.GetRequiredService<TenantSchemaScript>().LatestMigration;
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            behind = await catalog.Tenants
                .Where(t => t.State == TenantState.Ready && (t.SchemaVersion == null || t.SchemaVersion != latest))
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
        }

        if (behind.Count == 0)
        {
            return new MigrationRun(catalogApplied, []);
        }

        LogUpgrading(logger, behind.Count, latest);
        await Parallel.ForEachAsync(
            behind,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.TenantMigrationParallelism, CancellationToken = cancellationToken },
            async (tenantId, ct) =>
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
                await scope.ServiceProvider.GetRequiredService<TenantDbContext>().Database.MigrateAsync(ct);
                var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
                var tenant = await catalog.Tenants.SingleAsync(t => t.Id == tenantId, ct);
                tenant.RecordSchemaVersion(latest);
                await catalog.SaveChangesAsync(ct);
            });
        return new MigrationRun(catalogApplied, behind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgrading {Count} tenant schemas to {Migration}")]
    private static partial void LogUpgrading(ILogger logger, int count, string migration);
}

/// <summary>What one migrate step applied: the catalog migrations it ran and the tenant schemas it upgraded.</summary>
public sealed record MigrationRun(IReadOnlyList<string> CatalogMigrationsApplied, IReadOnlyList<Guid> TenantsUpgraded);

public static class DatabaseMigratorExtensions
{
    /// <summary>Runs the migrate step when <c>Database:MigrateOnStartup</c> is on.</summary>
    public static async Task MigrateDatabaseOnStartupAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
    }
}
