using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
        builder.Property(c => c.Description).HasMaxLength(Company.MaxDescriptionLength);
        builder.Property(c => c.Industry).HasMaxLength(Company.MaxIndustryLength);
        builder.Property(c => c.Website).HasMaxLength(2048);
        foreach (var text in new[] { nameof(Company.TargetAudience), nameof(Company.CoreProblem), nameof(Company.BrandVoice),
                     nameof(Company.Vision), nameof(Company.Mission), nameof(Company.PositioningStatement) })
        {
            builder.Property(text).HasMaxLength(Company.MaxTextLength);
        }

        builder.Ignore(c => c.Values);
        builder.Property<List<BrandValue>>("_values").HasColumnName("values").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Of<List<BrandValue>>(), JsonColumn.Comparer<List<BrandValue>>());
        builder.Ignore(c => c.BrandColours);
        builder.Property<List<string>>("_brandColours").HasColumnName("brand_colours");
    }
}
