using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class PostPerformanceConfiguration : IEntityTypeConfiguration<PostPerformance>
{
    public void Configure(EntityTypeBuilder<PostPerformance> builder)
    {
        builder.ToTable("post_performance");
        builder.HasKey(p => new { p.ContentItemId, p.Platform });
        builder.Property(p => p.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PlatformPostId).HasMaxLength(300);
        builder.Property(p => p.LastError).HasMaxLength(PostPerformance.MaxErrorLength);
        builder.Ignore(p => p.Engagements);
        // The collector's question: which posts of this connection are due.
        builder.HasIndex(p => new { p.ConnectionId, p.NextCollectionAt });
        // The reports' question: posts published in a range.
        builder.HasIndex(p => p.PublishedAt);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        // No key to the connection: a disconnected account's history stays in the reports.
    }
}

internal sealed class PostMetricConfiguration : IEntityTypeConfiguration<PostMetric>
{
    public void Configure(EntityTypeBuilder<PostMetric> builder)
    {
        builder.ToTable("post_metrics");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        // One value per post, network, metric and window: a window read twice replaces, never duplicates.
        builder.HasIndex(m => new { m.ContentItemId, m.Platform, m.Kind, m.WindowStart }).IsUnique();
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(m => m.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountMetricConfiguration : IEntityTypeConfiguration<AccountMetric>
{
    public void Configure(EntityTypeBuilder<AccountMetric> builder)
    {
        builder.ToTable("account_metrics");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(m => new { m.ConnectionId, m.Kind, m.Day }).IsUnique();
        builder.HasIndex(m => new { m.Day, m.Platform });
    }
}

internal sealed class MetricsAccountConfiguration : IEntityTypeConfiguration<MetricsAccount>
{
    public void Configure(EntityTypeBuilder<MetricsAccount> builder)
    {
        builder.ToTable("metrics_accounts");
        builder.HasKey(a => a.ConnectionId);
        builder.Property(a => a.ConnectionId).ValueGeneratedNever();
    }
}
