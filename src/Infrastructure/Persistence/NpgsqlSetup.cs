using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence;

internal static class NpgsqlSetup
{
    /// <summary>The default of <see cref="NpgsqlConnectionStringBuilder.MaxAutoPrepare"/> when the connection string sets none.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>The default of <see cref="NpgsqlConnectionStringBuilder.ReadBufferSize"/> when the connection string sets none.</summary>
    public const int ReadBufferBytes = 64 * 1024;

    /// <summary>
    /// The process's one data source, with two defaults that a connection string can override (0 turns auto-prepare off):
    /// <list type="bullet">
    /// <item>The statements a connection runs often are prepared on it (Max Auto Prepare, after five uses), so that
    /// PostgreSQL skips parsing and planning them: 15% of its CPU on the calendar's read. Prepared statements stay with
    /// the physical connection across pooled leases, and PostgreSQL re-parses one itself when search_path differs from
    /// the one it was prepared under, so tenants that share a connection never share a plan.</item>
    /// <item>A 64 KiB read buffer instead of 8 KiB: a calendar page of 200 posts arrives in 8 reads instead of 22 (64 KiB
    /// more memory per open connection).</item>
    /// </list>
    /// Measured with bench/api (docs/performance.md).
    /// </summary>
    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = GivenKeys(connectionString);
        if (!given.Contains("maxautoprepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!given.Contains("readbuffersize"))
        {
            builder.ConnectionStringBuilder.ReadBufferSize = ReadBufferBytes;
        }

        return builder.Build();
    }

    /// <summary>
    /// The keywords <paramref name="connectionString"/> sets, without spaces and in lower case ("maxautoprepare" for
    /// "Max Auto Prepare"). Npgsql's own builder says whether it knows a keyword, not whether the string sets it.
    /// </summary>
    public static HashSet<string> GivenKeys(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

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
