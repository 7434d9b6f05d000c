using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// One model for every tenant schema: table names are unqualified and resolve through the connection's
/// <c>search_path</c>, which <see cref="TenantSearchPathInterceptor"/> sets to the current tenant's schema alone.
/// </summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options) : DbContext(options), ITenantDb
{
    public DbSet<Company> Companies => Set<Company>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Company>(b =>
        {
            b.ToTable("companies");
            b.Ignore(c => c.DomainEvents);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
            b.Property(c => c.Description).HasMaxLength(Company.MaxDescriptionLength);
            b.Property(c => c.Industry).HasMaxLength(Company.MaxIndustryLength);
            b.Property(c => c.Website).HasMaxLength(2048);
        });
    }
}
