using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class DriveSourceConfiguration : IEntityTypeConfiguration<DriveSource>
{
    public void Configure(EntityTypeBuilder<DriveSource> builder)
    {
        builder.ToTable("drive_sources");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.FolderId).HasMaxLength(200);
        builder.Property(s => s.Name).HasMaxLength(DriveSource.MaxNameLength);
        builder.Property(s => s.PageToken).HasMaxLength(200);
        builder.Property(s => s.FailureReason).HasMaxLength(500);
        builder.Ignore(s => s.FileIds);
        builder.Property<List<string>>("_fileIds").HasColumnName("file_ids");
        builder.Ignore(s => s.Notes);
        builder.Property<List<string>>("_notes").HasColumnName("notes");
        builder.HasIndex(s => s.CreatedAt);
    }
}
