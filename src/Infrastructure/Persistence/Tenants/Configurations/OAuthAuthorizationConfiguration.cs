using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class OAuthAuthorizationConfiguration : IEntityTypeConfiguration<OAuthAuthorization>
{
    public void Configure(EntityTypeBuilder<OAuthAuthorization> builder)
    {
        builder.ToTable("oauth_authorizations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CodeVerifier).HasMaxLength(128);
        builder.Property(a => a.RedirectUri).HasMaxLength(1000);
        builder.HasIndex(a => a.ExpiresAt);
    }
}
