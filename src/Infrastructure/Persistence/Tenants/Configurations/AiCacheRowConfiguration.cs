using BrandAutomator.Infrastructure.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class AiCacheRowConfiguration : IEntityTypeConfiguration<AiCacheRow>
{
    public void Configure(EntityTypeBuilder<AiCacheRow> builder)
    {
        builder.ToTable("ai_response_cache");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.Kind).HasMaxLength(40);
    }
}
