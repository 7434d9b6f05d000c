using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

/// <summary>
/// API keys live in the catalog, not the tenant schema: a request with a key names no tenant, so the key must be found
/// (by its hash) before the tenant, and so its schema, is known. Rows carry the tenant id and go with the tenant.
/// </summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(ApiKey.DisplayLength);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.CreatedAt });
        builder.PrimitiveCollection(k => k.Scopes).ElementType().HasConversion<string>();
        builder.Property(k => k.LastUsedIp).HasMaxLength(64);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
