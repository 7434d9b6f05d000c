using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class DriveAuthorizationConfiguration : IEntityTypeConfiguration<DriveAuthorization>
{
    public void Configure(EntityTypeBuilder<DriveAuthorization> builder)
    {
        builder.ToTable("drive_authorizations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CodeVerifier).HasMaxLength(128);
        builder.Property(a => a.RedirectUri).HasMaxLength(1000);
        builder.HasIndex(a => a.ExpiresAt);
    }
}
