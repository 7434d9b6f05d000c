using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class GoogleBusinessLocationConfiguration : IEntityTypeConfiguration<GoogleBusinessLocation>
{
    public void Configure(EntityTypeBuilder<GoogleBusinessLocation> builder)
    {
        builder.ToTable("google_business_locations");
        builder.Ignore(l => l.IsOpen);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Account).HasMaxLength(200);
        builder.Property(l => l.RequestId).HasMaxLength(GoogleBusinessLocation.MaxRequestIdLength);
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.LocationJson).HasColumnType("jsonb");
        builder.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Verification).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.LocationName).HasMaxLength(200);
        builder.Property(l => l.LastError).HasMaxLength(1000);
        builder.HasIndex(l => l.RequestId).IsUnique();
        builder.HasIndex(l => new { l.CompanyId, l.Account });
        builder.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
