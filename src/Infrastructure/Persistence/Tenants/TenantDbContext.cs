using System.Text.Json;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using BrandAutomator.Infrastructure.Ai;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// One model for every tenant schema: table names are unqualified and resolve through the connection's
/// <c>search_path</c>, which <see cref="TenantSearchPathInterceptor"/> sets to the current tenant's schema alone.
/// </summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options) : DbContext(options), ITenantDb
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

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

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

    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        // EF counts opens: a connection already open (a transaction) stays open after this one is released.
        await Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(Database);
    }

    public Task<string?> TimeZoneIdAsync(CancellationToken cancellationToken)
    {
        var tenantId = Tenant?.TenantId ?? throw new InvalidOperationException("No tenant is set for this scope.");
        // The one catalog table this context reads, qualified (the search_path holds the tenant's schema alone), and only
        // the row of the context's own tenant.
        return Database.SqlQuery<string?>($"SELECT time_zone AS \"Value\" FROM public.tenants WHERE id = {tenantId}")
            .SingleOrDefaultAsync(cancellationToken);
    }

    public override void Dispose()
    {
        Tenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Tenant = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Company>(b =>
        {
            b.ToTable("companies");
            b.Ignore(c => c.DomainEvents);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
            b.Property(c => c.Description).HasMaxLength(Company.MaxDescriptionLength);
            b.Property(c => c.Industry).HasMaxLength(Company.MaxIndustryLength);
            b.Property(c => c.Website).HasMaxLength(2048);
            foreach (var text in new[] { nameof(Company.TargetAudience), nameof(Company.CoreProblem), nameof(Company.BrandVoice),
                         nameof(Company.Vision), nameof(Company.Mission), nameof(Company.PositioningStatement) })
            {
                b.Property(text).HasMaxLength(Company.MaxTextLength);
            }

            b.Ignore(c => c.Values);
            b.Property<List<BrandValue>>("_values").HasColumnName("values").HasColumnType("jsonb")
                .HasConversion(Json<List<BrandValue>>(), JsonComparer<List<BrandValue>>());
            b.Ignore(c => c.BrandColours);
            b.Property<List<string>>("_brandColours").HasColumnName("brand_colours");
        });

        builder.Entity<OnboardingProgress>(b =>
        {
            b.ToTable("onboarding_progress");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Ignore(p => p.CompletedSteps);
            b.Ignore(p => p.IsCompleted);
            b.Property<List<int>>("_completedSteps").HasColumnName("completed_steps");
        });

        builder.Entity<BrandAsset>(b =>
        {
            b.ToTable("brand_assets");
            b.Ignore(a => a.DomainEvents);
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
            b.Ignore(a => a.Tags);
            b.Property<List<string>>("_tags").HasColumnName("tags");
            b.HasIndex(a => new { a.Type, a.CreatedAt });
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

        builder.Entity<ChatSession>(b =>
        {
            b.ToTable("chat_sessions");
            b.Ignore(s => s.DomainEvents);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Title).HasMaxLength(ChatSession.MaxTitleLength);
            // A conversation outlives the company it was about: it stays readable, about no company.
            b.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(s => new { s.CreatedBy, s.UpdatedAt });
        });

        builder.Entity<ChatMessage>(b =>
        {
            b.ToTable("chat_messages");
            b.Ignore(m => m.DomainEvents);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Author).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.Provider).HasMaxLength(40);
            b.Property(m => m.Model).HasMaxLength(120);
            b.Ignore(m => m.Citations);
            b.Property<List<ChatCitation>>("_citations").HasColumnName("citations").HasColumnType("jsonb")
                .HasConversion(Json<List<ChatCitation>>(), JsonComparer<List<ChatCitation>>());
            b.HasOne<ChatSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => new { m.SessionId, m.CreatedAt });
        });

        builder.Entity<BrandStrategyVersion>(b =>
        {
            b.ToTable("brand_strategy_versions");
            b.Ignore(v => v.DomainEvents);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Strategy).HasColumnType("jsonb").HasConversion(JsonOf<BrandStrategy>(), JsonComparer<BrandStrategy>());
            b.Property(v => v.Provider).HasMaxLength(40);
            b.Property(v => v.Model).HasMaxLength(120);
            b.Property(v => v.RequestHash).HasMaxLength(64);
            b.HasOne<Company>().WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(v => new { v.CompanyId, v.Number }).IsUnique();
            b.HasIndex(v => new { v.CompanyId, v.RequestHash });
        });

        builder.Entity<AiUsageRow>(b =>
        {
            b.ToTable("ai_usage");
            b.HasKey(u => u.Month);
            b.Property(u => u.Month).HasMaxLength(7);
        });

        builder.Entity<AiCacheRow>(b =>
        {
            b.ToTable("ai_response_cache");
            b.HasKey(c => c.Key);
            b.Property(c => c.Key).HasMaxLength(64);
            b.Property(c => c.Kind).HasMaxLength(40);
        });

        ConfigureContent(builder);
    }

    private static ValueConverter<T, string> JsonOf<T>()
        where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web), v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web)!);


    private static void ConfigureContent(ModelBuilder builder)
    {
        builder.Entity<ContentItem>(b =>
        {
            b.ToTable("content_items");
            b.Ignore(c => c.DomainEvents);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Title).HasMaxLength(ContentItem.MaxTitleLength);
            b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            b.Ignore(c => c.Variants);
            // json, not jsonb: the variants are read whole on every calendar page and never queried inside (the networks
            // have their own column), and jsonb would turn each one back into text on every read (30% of the database's
            // CPU on the calendar, docs/performance.md); json hands over the stored text as it is.
            b.Property<List<ContentVariant>>("_variants").HasColumnName("variants").HasColumnType("json")
                .HasConversion(Json<List<ContentVariant>>(ContentVariantJson.Options), JsonComparer<List<ContentVariant>>(ContentVariantJson.Options));
            b.Property<List<string>>("_platforms").HasColumnName("platforms");
            b.Property(c => c.ReviewComment).HasMaxLength(ContentItem.MaxCommentLength);
            b.Property(c => c.LastError).HasMaxLength(1000);
            // PostgreSQL's xmin: the publishing claim, a member's edit and the sweep each write only the version they read.
            b.Property<uint>("Version").IsRowVersion();
            b.HasIndex(c => new { c.State, c.DueAt });
            b.HasIndex(c => new { c.State, c.LeaseExpiresAt });
            b.HasIndex(c => c.ScheduledAt);
            b.HasIndex(c => c.CreatedAt);
        });

        builder.Entity<PublishAttempt>(b =>
        {
            b.ToTable("publish_attempts");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Platform).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.PlatformPostId).HasMaxLength(300);
            b.Property(a => a.Error).HasMaxLength(1000);
            b.HasIndex(a => new { a.ContentItemId, a.StartedAt });
            b.HasIndex(a => a.RunId);
            b.HasOne<ContentItem>().WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AutomationTask>(b =>
        {
            b.ToTable("automation_tasks");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Kind).HasMaxLength(40);
            b.Property(t => t.Title).HasMaxLength(ContentItem.MaxTitleLength);
            b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Result).HasMaxLength(2000);
            b.Ignore(t => t.RemainingSteps);
            b.Property<List<string>>("_remainingSteps").HasColumnName("remaining_steps").HasColumnType("jsonb")
                .HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            b.HasIndex(t => t.StartedAt);
            b.HasIndex(t => t.ContentItemId);
            b.HasIndex(t => t.SubjectId);
        });

        builder.Entity<Notification>(b =>
        {
            b.ToTable("notifications");
            b.Property(n => n.Id).ValueGeneratedNever();
            b.Property(n => n.Kind).HasMaxLength(40);
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Body).HasMaxLength(2000);
            b.HasIndex(n => n.CreatedAt);
        });

        builder.Entity<TenantSettings>(b =>
        {
            b.ToTable("tenant_settings");
            b.Property(s => s.Id).ValueGeneratedNever();
        });

        builder.Entity<SocialConnection>(b =>
        {
            b.ToTable("social_connections");
            b.Ignore(c => c.DomainEvents);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Platform).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.ExternalAccountId).HasMaxLength(SocialConnection.MaxAccountIdLength);
            b.Property(c => c.DisplayName).HasMaxLength(SocialConnection.MaxDisplayNameLength);
            b.Property(c => c.StatusReason).HasMaxLength(500);
            b.HasIndex(c => new { c.Platform, c.ExternalAccountId }).IsUnique();
        });

        builder.Entity<SocialProfile>(b =>
        {
            b.ToTable("social_profiles");
            b.Ignore(p => p.DomainEvents);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Platform).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.ExternalAccountId).HasMaxLength(SocialConnection.MaxAccountIdLength);
            b.Property(p => p.Handle).HasMaxLength(SocialProfile.MaxHandleLength);
            b.Property(p => p.ProfileUrl).HasMaxLength(SocialProfile.MaxUrlLength);
            b.HasIndex(p => new { p.Platform, p.ExternalAccountId }).IsUnique();
            b.HasIndex(p => p.CompanyId);
            b.HasOne<SocialConnection>().WithMany().HasForeignKey(p => p.ConnectionId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<OAuthAuthorization>(b =>
        {
            b.ToTable("oauth_authorizations");
            b.Ignore(a => a.DomainEvents);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Platform).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.CodeVerifier).HasMaxLength(128);
            b.Property(a => a.RedirectUri).HasMaxLength(1000);
            b.HasIndex(a => a.ExpiresAt);
        });

        builder.Entity<SocialProfileKit>(b =>
        {
            b.ToTable("social_profile_kits");
            b.Ignore(k => k.DomainEvents);
            b.Ignore(k => k.Spec);
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.Platform).HasConversion<string>().HasMaxLength(20);
            b.Property(k => k.DisplayName).HasMaxLength(200);
            b.Property(k => k.Link).HasMaxLength(2048);
            b.Property(k => k.AiProvider).HasMaxLength(40);
            b.Property(k => k.PushResult).HasMaxLength(500);
            b.Ignore(k => k.Handles);
            b.Property<List<string>>("_handles").HasColumnName("handles").HasColumnType("jsonb")
                .HasConversion(Json<List<string>>(), JsonComparer<List<string>>());
            b.Ignore(k => k.Texts);
            b.Property<List<ProfileKitText>>("_texts").HasColumnName("texts").HasColumnType("jsonb")
                .HasConversion(Json<List<ProfileKitText>>(), JsonComparer<List<ProfileKitText>>());
            b.Property(k => k.Avatar).HasColumnType("jsonb").HasConversion(JsonOf<ProfileKitImage>(), JsonComparer<ProfileKitImage>());
            b.Property(k => k.Banner).HasColumnType("jsonb").HasConversion(JsonOf<ProfileKitImage>()!, JsonComparer<ProfileKitImage>());
            b.HasIndex(k => new { k.CompanyId, k.Platform }).IsUnique();
            b.HasOne<Company>().WithMany().HasForeignKey(k => k.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GoogleBusinessLocation>(b =>
        {
            b.ToTable("google_business_locations");
            b.Ignore(l => l.DomainEvents);
            b.Ignore(l => l.IsOpen);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Account).HasMaxLength(200);
            b.Property(l => l.RequestId).HasMaxLength(GoogleBusinessLocation.MaxRequestIdLength);
            b.Property(l => l.Title).HasMaxLength(200);
            b.Property(l => l.LocationJson).HasColumnType("jsonb");
            b.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
            b.Property(l => l.Verification).HasConversion<string>().HasMaxLength(30);
            b.Property(l => l.LocationName).HasMaxLength(200);
            b.Property(l => l.LastError).HasMaxLength(1000);
            b.HasIndex(l => l.RequestId).IsUnique();
            b.HasIndex(l => new { l.CompanyId, l.Account });
            b.HasOne<Company>().WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarFeedToken>(b =>
        {
            b.ToTable("calendar_feed_tokens");
            b.HasKey(t => t.UserId);
            b.Property(t => t.SecretHash).HasMaxLength(64);
        });

        builder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_records");
            b.HasKey(r => r.Key);
            b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            b.Property(r => r.Operation).HasMaxLength(60);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ResponseJson).HasColumnType("jsonb");
        });
    }

    private static ValueConverter<T, string> Json<T>(JsonSerializerOptions? options = null)
        where T : new()
    {
        var json = options ?? JsonSerializerOptions.Web;
        return new(v => JsonSerializer.Serialize(v, json), v => JsonSerializer.Deserialize<T>(v, json) ?? new T());
    }

    private static ValueComparer<T> JsonComparer<T>(JsonSerializerOptions? options = null)
    {
        var json = options ?? JsonSerializerOptions.Web;
        return new(
            (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
            v => JsonSerializer.Serialize(v, json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, json), json)!);
    }
}

file sealed class HeldConnection(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await database.CloseConnectionAsync();
}
