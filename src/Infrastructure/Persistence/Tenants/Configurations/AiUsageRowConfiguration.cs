using BrandAutomator.Infrastructure.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class AiUsageRowConfiguration : IEntityTypeConfiguration<AiUsageRow>
{
    public void Configure(EntityTypeBuilder<AiUsageRow> builder)
    {
        builder.ToTable("ai_usage");
        builder.HasKey(u => u.Month);
        builder.Property(u => u.Month).HasMaxLength(7);
    }
}
