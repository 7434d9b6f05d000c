using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Creates a tenant's schema and tables inside the catalog's open transaction: a spare made ahead of time by the same
/// script is renamed to the tenant's (<see cref="SpareTenantSchemas"/>), or else the tenant schema's script
/// (<see cref="TenantSchemaScript"/>, generated once per process) runs with the new schema as the only search path, in
/// one round trip. The script also fills the schema's own <c>__EFMigrationsHistory</c>, so later upgrades by
/// <c>MigrateAsync</c> continue from it.
/// </summary>
public sealed class TenantProvisioner(CatalogDbContext catalog, TenantSchemaScript script, SpareTenantSchemas spares) : ITenantProvisioner
{
    public async Task CreateSchemaAsync(CatalogTransaction inTransaction, Tenant tenant, CancellationToken cancellationToken)
    {
        var transaction = catalog.EnsureCurrent(inTransaction, "A tenant schema");
        var connection = catalog.Database.GetDbConnection();
        if (await spares.TryTakeAsync(connection, transaction.GetDbTransaction(), tenant.SchemaName, cancellationToken))
        {
            tenant.RecordSchemaVersion(script.LatestMigration);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = script.CreateSchemaSql(tenant.SchemaName);
        await command.ExecuteNonQueryAsync(cancellationToken);
        tenant.RecordSchemaVersion(script.LatestMigration);
    }
}

/// <summary>The SQL that creates every tenant table from nothing, and the migration it brings a schema to.</summary>
/// <remarks>
/// The tables come straight from the current model (EF's create script), not from replaying every migration since the
/// first: a sign-up then runs about 90 statements instead of 200 (each migration's ALTERs, its own history row), and the
/// script no longer grows with every release. Two things the model does not hold are added so that a new schema is the
/// one the migrations make (<c>TenantSchemaTests</c> compares them): the defaults that migrations gave columns they
/// added to tables that had rows (raw SQL may rely on them), and <c>__EFMigrationsHistory</c> filled with every
/// migration, so that <c>MigrateAsync</c> continues from the latest.
/// </remarks>
public sealed class TenantSchemaScript
{
    private readonly Lazy<(string Sql, string Latest)> _script;

    private readonly Lazy<string> _hash;

    public TenantSchemaScript(IServiceProvider services)
    {
        _hash = new Lazy<string>(() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Sql)))[..16]);
        _script = new Lazy<(string, string)>(() =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var history = db.GetService<IHistoryRepository>();
            var migrations = db.Database.GetMigrations().ToList();
            var latest = migrations.LastOrDefault() ?? throw new InvalidOperationException("The tenant model has no migrations.");
            var sql = new StringBuilder(db.Database.GenerateCreateScript()).AppendLine();
            var generator = db.GetService<IMigrationsSqlGenerator>();
            foreach (var command in generator.Generate(DefaultsOnlyMigrationsGave(db), db.Model))
            {
                sql.AppendLine(command.CommandText);
            }

            sql.AppendLine(history.GetCreateScript());
            foreach (var migration in migrations)
            {
                sql.AppendLine(history.GetInsertScript(new HistoryRow(migration, ProductInfo.GetVersion())));
            }

            return (sql.ToString(), latest);
        });
    }

    public string Sql => _script.Value.Sql;

    /// <summary>A short hash of <see cref="Sql"/>: schemas made ahead of time are only used by a release with the same script.</summary>
    public string Hash => _hash.Value;

    /// <summary>The schema <paramref name="schemaName"/> and its tables, with it as the only search path for the script.</summary>
    public string CreateSchemaSql(string schemaName) => $"""
        CREATE SCHEMA "{schemaName}";
        SET LOCAL search_path TO "{schemaName}";
        {Sql}
        RESET search_path;
        """;

    public string LatestMigration => _script.Value.Latest;

    /// <summary>
    /// Each column's default as the migrations leave it, where the model has none: an <c>ALTER COLUMN</c> that sets it,
    /// generated by EF as a migration would. The migrations are read in order (a column made, altered, renamed or dropped).
    /// </summary>
    private static List<MigrationOperation> DefaultsOnlyMigrationsGave(TenantDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var columns = new Dictionary<(string Table, string Column), ColumnOperation>();
        foreach (var type in assembly.Migrations.Values)
        {
            foreach (var operation in assembly.CreateMigration(type, db.Database.ProviderName!).UpOperations)
            {
                switch (operation)
                {
                    case CreateTableOperation create:
                        create.Columns.ForEach(c => columns[(create.Name, c.Name)] = c);
                        break;
                    case AddColumnOperation add:
                        columns[(add.Table, add.Name)] = add;
                        break;
                    case AlterColumnOperation alter:
                        columns[(alter.Table, alter.Name)] = alter;
                        break;
                    case DropColumnOperation drop:
                        columns.Remove((drop.Table, drop.Name));
                        break;
                    case RenameColumnOperation rename when columns.Remove((rename.Table, rename.Name), out var renamed):
                        columns[(rename.Table, rename.NewName)] = renamed;
                        break;
                    case DropTableOperation dropTable:
                        columns.Keys.Where(k => k.Table == dropTable.Name).ToList().ForEach(k => columns.Remove(k));
                        break;
                    case RenameTableOperation renameTable when renameTable.NewName is { } newName:
                        foreach (var key in columns.Keys.Where(k => k.Table == renameTable.Name).ToList())
                        {
                            columns.Remove(key, out var moved);
                            columns[(newName, key.Column)] = moved!;
                        }

                        break;
                }
            }
        }

        var model = db.Model.GetRelationalModel();
        var operations = new List<MigrationOperation>();
        foreach (var ((table, name), made) in columns)
        {
            if (made.DefaultValue is null && made.DefaultValueSql is null
                || model.FindTable(table, null)?.FindColumn(name) is not { } column
                || column.DefaultValue is not null || column.DefaultValueSql is not null)
            {
                continue;
            }

            var current = new AddColumnOperation
            {
                Table = table, Name = name, ClrType = made.ClrType, ColumnType = column.StoreType, IsNullable = column.IsNullable,
            };
            operations.Add(new AlterColumnOperation
            {
                Table = table, Name = name, ClrType = made.ClrType, ColumnType = column.StoreType, IsNullable = column.IsNullable,
                DefaultValue = made.DefaultValue, DefaultValueSql = made.DefaultValueSql, OldColumn = current,
            });
        }

        return operations;
    }
}
