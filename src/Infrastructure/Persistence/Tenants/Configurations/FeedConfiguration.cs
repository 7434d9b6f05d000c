using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> builder)
    {
        builder.ToTable("feeds");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(Feed.MaxNameLength);
        builder.Property(f => f.Url).HasMaxLength(Feed.MaxUrlLength);
        builder.Property(f => f.Target).HasConversion<string>().HasMaxLength(10);
        builder.PrimitiveCollection(f => f.Platforms).ElementType().HasConversion<string>();
        builder.Property(f => f.Template).HasMaxLength(Feed.MaxTemplateLength);
        builder.Property(f => f.ETag).HasMaxLength(300);
        builder.Property(f => f.LastModified).HasMaxLength(100);
        builder.Property(f => f.LastError).HasMaxLength(1000);
        // PostgreSQL's xmin: of two nodes claiming a feed for a check, one wins.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasIndex(f => f.NextPollAt);
        builder.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> builder)
    {
        builder.ToTable("feed_entries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Key).HasMaxLength(FeedEntry.KeyLength);
        // One post per item of a feed, whichever node or restart reads it.
        builder.HasIndex(e => new { e.FeedId, e.Key }).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Link).HasMaxLength(2048);
        builder.HasOne<Feed>().WithMany().HasForeignKey(e => e.FeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
