using BrandAutomator.Domain.Links;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

/// <summary>
/// Short links live in the catalog, as review links do: a click names no tenant, so the code is looked up first. Rows
/// carry the tenant id and go with the tenant; every tenant-side read filters by it.
/// </summary>
internal sealed class ShortLinkConfiguration : IEntityTypeConfiguration<ShortLink>
{
    public void Configure(EntityTypeBuilder<ShortLink> builder)
    {
        builder.ToTable("short_links");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(ShortLink.CodeLength).UseCollation("C");
        builder.Property(l => l.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.OriginalUrl).HasMaxLength(ShortLink.MaxUrlLength);
        builder.Property(l => l.TargetUrl).HasMaxLength(ShortLink.MaxUrlLength);
        builder.HasIndex(l => new { l.TenantId, l.ContentItemId });
        builder.HasIndex(l => new { l.TenantId, l.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShortLinkClickDayConfiguration : IEntityTypeConfiguration<ShortLinkClickDay>
{
    public void Configure(EntityTypeBuilder<ShortLinkClickDay> builder)
    {
        builder.ToTable("short_link_click_days");
        builder.HasKey(d => new { d.Code, d.Day });
        builder.Property(d => d.Code).HasMaxLength(ShortLink.CodeLength).UseCollation("C");
        builder.HasOne<ShortLink>().WithMany().HasForeignKey(d => d.Code).OnDelete(DeleteBehavior.Cascade);
    }
}
