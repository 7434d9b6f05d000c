using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence;

internal static class NpgsqlSetup
{
    /// <summary>The default of <see cref="NpgsqlConnectionStringBuilder.MaxAutoPrepare"/> when the connection string sets none.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// The process's one data source. The statements a connection runs often are prepared on it (Max Auto Prepare, after
    /// five uses), so that PostgreSQL skips parsing and planning them: 15% of its CPU on the calendar's read
    /// (docs/performance.md). Prepared statements stay with the physical connection across pooled leases, and
    /// PostgreSQL re-parses one itself when search_path differs from the one it was prepared under, so tenants that share
    /// a connection never share a plan. A connection string that sets Max Auto Prepare keeps its value (0 turns it off).
    /// </summary>
    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!builder.ConnectionStringBuilder.ContainsKey("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.Build();
    }

    public static DbContextOptionsBuilder UseCatalogNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, CatalogOptions).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseCatalogNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, CatalogOptions).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseTenantNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, TenantOptions).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseTenantNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, TenantOptions).UseSnakeCaseNamingConvention();

    private static void CatalogOptions(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", CatalogDbContext.Schema)
            .MigrationsAssembly(typeof(NpgsqlSetup).Assembly.FullName);

    // No schema anywhere in the tenant model: the history table too resolves through the tenant's search_path.
    private static void TenantOptions(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(typeof(NpgsqlSetup).Assembly.FullName);
}
