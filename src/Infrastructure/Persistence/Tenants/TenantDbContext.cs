using System.Text.Json;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Onboarding;
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

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<OnboardingProgress> OnboardingProgress => Set<OnboardingProgress>();

    public DbSet<BrandAsset> Assets => Set<BrandAsset>();

    public DbSet<AssetChunk> AssetChunks => Set<AssetChunk>();

    public DbSet<ChatSession> ChatSessions => Set<ChatSession>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<BrandStrategyVersion> StrategyVersions => Set<BrandStrategyVersion>();

    public DbSet<AiUsageRow> AiUsage => Set<AiUsageRow>();

    public DbSet<AiCacheRow> AiResponseCache => Set<AiCacheRow>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    public void DiscardChanges() => ChangeTracker.Clear();

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
            b.Property<NpgsqlTsVector>("SearchVector")
                .HasColumnName("search_vector")
                .HasComputedColumnSql($"to_tsvector('{SearchConfiguration}', text)", stored: true);
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
    }

    private static ValueConverter<T, string> JsonOf<T>()
        where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web), v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web)!);

    private static ValueConverter<T, string> Json<T>()
        where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web), v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web) ?? new T());

    private static ValueComparer<T> JsonComparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!);
}
