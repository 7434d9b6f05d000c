using System.Text;
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
/// Creates a tenant's schema and tables inside the catalog's open transaction, by running the tenant schema's script
/// (<see cref="TenantSchemaScript"/>, generated once per process) with the new schema as the only search path, in one
/// round trip. The script also fills the schema's own <c>__EFMigrationsHistory</c>, so later upgrades by
/// <c>MigrateAsync</c> continue from it.
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
/// <remarks>
/// The tables come straight from the current model (EF's create script), not from replaying every migration since the
/// first: a sign-up then runs about 90 statements instead of 200 (each migration's ALTERs, its own history row), and the
/// script no longer grows with every release. The schema's <c>__EFMigrationsHistory</c> is then filled with every
/// migration, so that <c>MigrateAsync</c> continues from the latest. <c>TenantSchemaTests</c> proves the result is the
/// schema the migrations make; the only difference allowed is a default that a migration gave a column it added to
/// tables that already had rows.
/// </remarks>
public sealed class TenantSchemaScript
{
    private readonly Lazy<(string Sql, string Latest)> _script;

    public TenantSchemaScript(IServiceProvider services) =>
        _script = new Lazy<(string, string)>(() =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var history = db.GetService<IHistoryRepository>();
            var migrations = db.Database.GetMigrations().ToList();
            var latest = migrations.LastOrDefault() ?? throw new InvalidOperationException("The tenant model has no migrations.");
            var sql = new StringBuilder(db.Database.GenerateCreateScript())
                .AppendLine()
                .AppendLine(history.GetCreateScript());
            foreach (var migration in migrations)
            {
                sql.AppendLine(history.GetInsertScript(new HistoryRow(migration, ProductInfo.GetVersion())));
            }

            return (sql.ToString(), latest);
        });

    public string Sql => _script.Value.Sql;

    public string LatestMigration => _script.Value.Latest;
}
