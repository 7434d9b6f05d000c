using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class DriveConnectionConfiguration : IEntityTypeConfiguration<DriveConnection>
{
    public void Configure(EntityTypeBuilder<DriveConnection> builder)
    {
        builder.ToTable("drive_connections");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Account).HasMaxLength(DriveConnection.MaxAccountLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.StatusReason).HasMaxLength(500);
    }
}
