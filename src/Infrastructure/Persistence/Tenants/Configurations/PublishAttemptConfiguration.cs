using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class PublishAttemptConfiguration : IEntityTypeConfiguration<PublishAttempt>
{
    public void Configure(EntityTypeBuilder<PublishAttempt> builder)
    {
        builder.ToTable("publish_attempts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        // Attempts from before threads and first comments were each a post's only part.
        builder.Property(a => a.PartKind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PublishPartKind.Post).HasSentinel(PublishPartKind.Post);
        builder.Property(a => a.Part).HasDefaultValue(1).HasSentinel(1);
        builder.Property(a => a.PlatformPostId).HasMaxLength(300);
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.HasIndex(a => new { a.ContentItemId, a.StartedAt });
        builder.HasIndex(a => a.RunId);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
