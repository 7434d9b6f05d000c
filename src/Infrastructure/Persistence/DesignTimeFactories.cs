using BrandAutomator.Infrastructure.Persistence.Catalog;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BrandAutomator.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add`: the connection string is never opened.
internal sealed class CatalogDesignTimeFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        options.UseCatalogNpgsql("Host=design-time");
        return new CatalogDbContext(options.Options);
    }
}

internal sealed class TenantDesignTimeFactory : IDesignTimeDbContextFactory<TenantDbContext>
{
    public TenantDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TenantDbContext>();
        options.UseTenantNpgsql("Host=design-time");
        return new TenantDbContext(options.Options);
    }
}
