using BrandAutomator.Domain.Review;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

/// <summary>
/// Review links live in the catalog, as API keys do: a reviewer's request names no tenant, so the link is found by the
/// hash of its secret before the tenant's schema is known. Rows carry the tenant id and go with the tenant.
/// </summary>
internal sealed class ReviewLinkConfiguration : IEntityTypeConfiguration<ReviewLink>
{
    public void Configure(EntityTypeBuilder<ReviewLink> builder)
    {
        builder.ToTable("review_links");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(ReviewLink.MaxNameLength);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.CreatedAt });
        builder.PrimitiveCollection(l => l.PostIds);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
