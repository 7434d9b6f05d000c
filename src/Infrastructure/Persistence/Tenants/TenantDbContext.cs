using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// One model for every tenant schema: table names are unqualified and resolve through the connection's
/// <c>search_path</c>, which <see cref="TenantSearchPathInterceptor"/> sets to the current tenant's schema alone.
/// </summary>
public sealed partial class TenantDbContext(DbContextOptions<TenantDbContext> options) : DbContext(options), ITenantDb
{
    /// <summary>The text-search configuration of asset passages (stemming, stop words).</summary>
    public const string SearchConfiguration = "english";

    /// <summary>
    /// The tenant whose schema this context's connections use, set each time the (pooled) context is handed to a scope
    /// and cleared when it goes back; <see cref="TenantSearchPathInterceptor"/> reads it when a connection opens.
    /// </summary>
    public ITenantContext? Tenant { get; set; }

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<OnboardingProgress> OnboardingProgress => Set<OnboardingProgress>();

    public DbSet<BrandAsset> Assets => Set<BrandAsset>();

    public DbSet<AssetChunk> AssetChunks => Set<AssetChunk>();

    public DbSet<ChatSession> ChatSessions => Set<ChatSession>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<BrandStrategyVersion> StrategyVersions => Set<BrandStrategyVersion>();

    public DbSet<MarketAnalysisReport> MarketAnalyses => Set<MarketAnalysisReport>();

    public DbSet<AiUsageRow> AiUsage => Set<AiUsageRow>();

    public DbSet<AiCacheRow> AiResponseCache => Set<AiCacheRow>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<PublishAttempt> PublishAttempts => Set<PublishAttempt>();

    public DbSet<AutomationTask> AutomationTasks => Set<AutomationTask>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<TenantSettings> TenantSettings => Set<TenantSettings>();

    public DbSet<SocialConnection> SocialConnections => Set<SocialConnection>();

    public DbSet<SocialProfile> SocialProfiles => Set<SocialProfile>();

    public DbSet<OAuthAuthorization> OAuthAuthorizations => Set<OAuthAuthorization>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<SocialProfileKit> SocialProfileKits => Set<SocialProfileKit>();

    public DbSet<GoogleBusinessLocation> GoogleBusinessLocations => Set<GoogleBusinessLocation>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Domain.BrandGuard.BrandRule> BrandRules => Set<Domain.BrandGuard.BrandRule>();

    public DbSet<Domain.Queue.QueueSlot> QueueSlots => Set<Domain.Queue.QueueSlot>();

    public DbSet<Domain.Drive.DriveConnection> DriveConnections => Set<Domain.Drive.DriveConnection>();

    public DbSet<Domain.Drive.DriveAuthorization> DriveAuthorizations => Set<Domain.Drive.DriveAuthorization>();

    public DbSet<Domain.Drive.DriveSource> DriveSources => Set<Domain.Drive.DriveSource>();

    public DbSet<Domain.Review.ReviewDecision> ReviewDecisions => Set<Domain.Review.ReviewDecision>();

    public DbSet<RecurringSeries> RecurringSeries => Set<RecurringSeries>();

    public DbSet<Domain.Feeds.Feed> Feeds => Set<Domain.Feeds.Feed>();

    public DbSet<Domain.Feeds.FeedEntry> FeedEntries => Set<Domain.Feeds.FeedEntry>();

    public DbSet<Domain.Snippets.Snippet> Snippets => Set<Domain.Snippets.Snippet>();

    public DbSet<Domain.Links.PostLinkSettings> PostLinkSettings => Set<Domain.Links.PostLinkSettings>();

    public DbSet<Domain.Analytics.PostPerformance> PostPerformance => Set<Domain.Analytics.PostPerformance>();

    public DbSet<Domain.Analytics.PostMetric> PostMetrics => Set<Domain.Analytics.PostMetric>();

    public DbSet<Domain.Analytics.AccountMetric> AccountMetrics => Set<Domain.Analytics.AccountMetric>();

    public DbSet<Domain.Analytics.MetricsAccount> MetricsAccounts => Set<Domain.Analytics.MetricsAccount>();

    public DbSet<Domain.Analytics.MonthlyReportSetting> MonthlyReportSettings => Set<Domain.Analytics.MonthlyReportSetting>();

    public DbSet<Domain.Analytics.MonthlyReportDelivery> MonthlyReportDeliveries => Set<Domain.Analytics.MonthlyReportDelivery>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    public bool InTransaction => Database.CurrentTransaction is not null;

    public async Task LockAsync(TenantLock resource, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The {resource} lock is held until the transaction ends: begin one first.");
        }

        // A transaction-scoped advisory lock keyed by the tenant's schema (the search path) and the resource: other
        // tenants never wait, and the lock goes with the commit or rollback, whatever happens to the connection.
        await Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtext(current_schema()), {(int)resource})", cancellationToken);
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    public override void Dispose()
    {
        Tenant = null;
        TimeZoneReadOnOpen = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Tenant = null;
        TimeZoneReadOnOpen = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // One IEntityTypeConfiguration per entity under Configurations/ (the catalog's live elsewhere in this assembly).
        builder.ApplyConfigurationsFromAssembly(typeof(TenantDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.CompanyConfiguration).Namespace);
        ConfigureAssets(builder);
    }

    // The asset tables stay here while the asset pipeline is being reworked on another branch (#17); they move to
    // Configurations/ with that merge.
    private static void ConfigureAssets(ModelBuilder builder)
    {
        builder.Entity<BrandAsset>(b =>
        {
            b.ToTable("brand_assets");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Name).HasMaxLength(BrandAsset.MaxNameLength);
            b.Property(a => a.OriginalFileName).HasMaxLength(255);
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.MediaType).HasMaxLength(100);
            b.Property(a => a.Sha256).HasMaxLength(64);
            // Two uploads of the same bytes at the same moment: the database lets exactly one in.
            b.HasIndex(a => a.Sha256).IsUnique();
            b.Property(a => a.StorageKey).HasMaxLength(300);
            b.Property(a => a.ThumbnailSmallKey).HasMaxLength(300);
            b.Property(a => a.ThumbnailLargeKey).HasMaxLength(300);
            b.Property(a => a.FailureReason).HasMaxLength(500);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AssetStatus.Current);
            b.Property(a => a.ArchiveSuggestion).HasMaxLength(BrandAsset.MaxSuggestionLength);
            b.Property(a => a.AltText).HasMaxLength(BrandAsset.MaxAltTextLength);
            b.Ignore(a => a.Tags);
            b.Property<List<string>>("_tags").HasColumnName("tags");
            b.HasIndex(a => new { a.Type, a.CreatedAt });
            b.Property(a => a.Version).HasDefaultValue(1);
            // Where an imported asset came from (Google Drive): columns origin_* on the asset's row, null for uploads.
            b.OwnsOne(a => a.Origin, o =>
            {
                o.Property(x => x.FileId).HasMaxLength(AssetOrigin.MaxFileIdLength);
                o.Property(x => x.Name).HasMaxLength(AssetOrigin.MaxNameLength);
                o.Property(x => x.Link).HasMaxLength(AssetOrigin.MaxLinkLength);
                o.Property(x => x.Revision).HasMaxLength(AssetOrigin.MaxRevisionLength);
                o.HasIndex(x => x.FileId);
            });
        });

        builder.Entity<AssetChunk>(b =>
        {
            b.ToTable("asset_chunks");
            b.Property(c => c.Id).ValueGeneratedNever();
            b.HasIndex(c => new { c.AssetId, c.Ordinal }).IsUnique();
            b.HasOne<BrandAsset>().WithMany().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Cascade);
            b.Property(c => c.Heading).HasMaxLength(AssetChunk.MaxHeadingLength);
            b.Property(c => c.Embedding).HasColumnType("real[]");
            // The heading path weighs most (A): "colours" finds the passage under "Colours" even when its text says "palette".
            b.Property<NpgsqlTsVector>("SearchVector")
                .HasColumnName("search_vector")
                .HasComputedColumnSql(
                    $"setweight(to_tsvector('{SearchConfiguration}', coalesce(heading, '')), 'A') || setweight(to_tsvector('{SearchConfiguration}', text), 'B')",
                    stored: true);
            b.HasIndex("SearchVector").HasMethod("GIN");
        });
    }
}
