using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("content_items");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(ContentItem.MaxTitleLength);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.Variants);
        // json, not jsonb: the variants are read whole on every calendar page and never queried inside (the networks
        // have their own column), and jsonb would turn each one back into text on every read (30% of the database's
        // CPU on the calendar, docs/performance.md); json hands over the stored text as it is.
        builder.Property<List<ContentVariant>>("_variants").HasColumnName("variants").HasColumnType("json")
            .HasConversion(JsonColumn.Of<List<ContentVariant>>(ContentVariantJson.Options), JsonColumn.Comparer<List<ContentVariant>>(ContentVariantJson.Options));
        builder.Property<List<string>>("_platforms").HasColumnName("platforms");
        builder.Property(c => c.ReviewComment).HasMaxLength(ContentItem.MaxCommentLength);
        builder.Property(c => c.LastError).HasMaxLength(1000);
        // PostgreSQL's xmin: the publishing claim, a member's edit and the sweep each write only the version they read.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasIndex(c => new { c.State, c.DueAt });
        builder.HasIndex(c => new { c.State, c.LeaseExpiresAt });
        builder.HasIndex(c => c.ScheduledAt);
        builder.HasIndex(c => c.CreatedAt);
        // Re-importing a file creates nothing: one post per imported row's key, even when two imports race.
        builder.Property(c => c.ImportKey).HasMaxLength(ContentItem.ImportKeyLength).IsFixedLength(false);
        builder.HasIndex(c => c.ImportKey).IsUnique().HasFilter("import_key IS NOT NULL");
        // One post per occurrence of a recurring series, whichever node (or request) makes it.
        builder.HasIndex(c => new { c.SeriesId, c.SeriesIndex }).IsUnique().HasFilter("series_id IS NOT NULL");
        builder.HasOne<RecurringSeries>().WithMany().HasForeignKey(c => c.SeriesId).OnDelete(DeleteBehavior.SetNull);
    }
}
