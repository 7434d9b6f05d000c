using BrandAutomator.Domain.BrandGuard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class BrandRuleConfiguration : IEntityTypeConfiguration<BrandRule>
{
    public void Configure(EntityTypeBuilder<BrandRule> builder)
    {
        builder.ToTable("brand_rules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Term).HasMaxLength(BrandRule.MaxToneLength);
        builder.Property(r => r.Suggestion).HasMaxLength(BrandRule.MaxTermLength);
        builder.Property(r => r.Key).HasMaxLength(BrandRule.MaxToneLength + 60);
        builder.Property(r => r.SourceAssetName).HasMaxLength(120);
        builder.Property(r => r.SourceSnippet).HasMaxLength(BrandRule.MaxSnippetLength);
        builder.HasIndex(r => r.Key);
        builder.HasIndex(r => r.CompanyId);
        // A brand's rules go with the brand.
        builder.HasOne<Domain.Companies.Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        // A rule outlives the document it was read from only when the team made it theirs; re-extraction removes the rest.
        builder.HasOne<Domain.Assets.BrandAsset>().WithMany().HasForeignKey(r => r.SourceAssetId).OnDelete(DeleteBehavior.SetNull);
    }
}
