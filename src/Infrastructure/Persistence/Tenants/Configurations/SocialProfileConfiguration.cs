using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class SocialProfileConfiguration : IEntityTypeConfiguration<SocialProfile>
{
    public void Configure(EntityTypeBuilder<SocialProfile> builder)
    {
        builder.ToTable("social_profiles");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ExternalAccountId).HasMaxLength(SocialConnection.MaxAccountIdLength);
        builder.Property(p => p.Handle).HasMaxLength(SocialProfile.MaxHandleLength);
        builder.Property(p => p.ProfileUrl).HasMaxLength(SocialProfile.MaxUrlLength);
        builder.HasIndex(p => new { p.Platform, p.ExternalAccountId }).IsUnique();
        builder.HasIndex(p => p.CompanyId);
        builder.HasOne<SocialConnection>().WithMany().HasForeignKey(p => p.ConnectionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}
