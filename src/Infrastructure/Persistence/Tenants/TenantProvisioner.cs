using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Creates a tenant's schema and tables inside the catalog's open transaction, by running the tenant migrations'
/// script (generated once per process) with the new schema as the only search path. The script also fills the
/// schema's own <c>__EFMigrationsHistory</c>, so later upgrades by <c>MigrateAsync</c> continue from it.
/// </summary>
public sealed class TenantProvisioner(CatalogDbContext catalog, TenantSchemaScript script) : ITenantProvisioner
{
    public async Task CreateSchemaAsync(CatalogTransaction inTransaction, Tenant tenant, CancellationToken cancellationToken)
    {
        var transaction = catalog.EnsureCurrent(inTransaction, "A tenant schema");
        var connection = catalog.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"""
            CREATE SCHEMA "{tenant.SchemaName}";
            SET LOCAL search_path TO "{tenant.SchemaName}";
            {script.Sql}
            RESET search_path;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        tenant.RecordSchemaVersion(script.LatestMigration);
    }
}

/// <summary>The SQL that creates every tenant table from nothing, and the migration it brings a schema to.</summary>
public sealed class TenantSchemaScript
{
    private readonly Lazy<(string Sql, string Latest)> _script;

    public TenantSchemaScript(IServiceProvider services) =>
        _script = new Lazy<(string, string)>(() =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var migrator = db.GetService<IMigrator>();
            var sql = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
            var latest = db.Database.GetMigrations().LastOrDefault()
                ?? throw new InvalidOperationException("The tenant model has no migrations.");
            return (sql, latest);
        });

    public string Sql => _script.Value.Sql;

    public string LatestMigration => _script.Value.Latest;
}
