using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class SocialConnectionConfiguration : IEntityTypeConfiguration<SocialConnection>
{
    public void Configure(EntityTypeBuilder<SocialConnection> builder)
    {
        builder.ToTable("social_connections");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ExternalAccountId).HasMaxLength(SocialConnection.MaxAccountIdLength);
        builder.Property(c => c.DisplayName).HasMaxLength(SocialConnection.MaxDisplayNameLength);
        builder.Property(c => c.StatusReason).HasMaxLength(500);
        builder.Property(c => c.GrantedScopes).HasMaxLength(SocialConnection.MaxScopesLength);
        builder.HasIndex(c => new { c.Platform, c.ExternalAccountId }).IsUnique();
    }
}
