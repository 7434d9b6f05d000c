using BrandAutomator.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence;

internal static class NpgsqlSetup
{
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
