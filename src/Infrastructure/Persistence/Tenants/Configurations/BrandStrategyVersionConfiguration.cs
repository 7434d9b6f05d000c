using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class BrandStrategyVersionConfiguration : IEntityTypeConfiguration<BrandStrategyVersion>
{
    public void Configure(EntityTypeBuilder<BrandStrategyVersion> builder)
    {
        builder.ToTable("brand_strategy_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Strategy).HasColumnType("jsonb").HasConversion(JsonColumn.OfObject<BrandStrategy>(), JsonColumn.Comparer<BrandStrategy>());
        builder.Property(v => v.Provider).HasMaxLength(40);
        builder.Property(v => v.Model).HasMaxLength(120);
        builder.Property(v => v.RequestHash).HasMaxLength(64);
        builder.HasOne<Company>().WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.CompanyId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.CompanyId, v.RequestHash });
    }
}
