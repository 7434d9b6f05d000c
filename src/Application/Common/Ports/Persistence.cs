using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandAutomator.Application.Common.Ports;

/// <summary>The shared catalog (<c>public</c> schema): tenants, memberships, sessions, invitations, audit.</summary>
public interface ICatalogDb
{
    DbSet<Tenant> Tenants { get; }

    DbSet<TenantMembership> Memberships { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<ProcessedStripeEvent> ProcessedStripeEvents { get; }

    DbSet<BillingInvoice> BillingInvoices { get; }

    DbSet<BillingAccount> BillingAccounts { get; }

    DbSet<Domain.ApiKeys.ApiKey> ApiKeys { get; }

    DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<Domain.Webhooks.WebhookEvent> WebhookEvents { get; }

    DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries { get; }

    DbSet<Domain.Webhooks.WebhookAttempt> WebhookAttempts { get; }

    /// <summary>Client review links: in the catalog, because a reviewer's request names no tenant until its link is found.</summary>
    DbSet<Domain.Review.ReviewLink> ReviewLinks { get; }

    /// <summary>Short links of published posts: in the catalog, because a click names no tenant until its code is found.</summary>
    DbSet<Domain.Links.ShortLink> ShortLinks { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Locks (until the open transaction ends) and answers, tracked, up to <paramref name="limit"/> outbox events not yet
    /// fanned out to endpoints, oldest first, skipping rows another run holds.
    /// </summary>
    Task<List<Domain.Webhooks.WebhookEvent>> LockWaitingWebhookEventsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Locks (until the open transaction ends) and answers, tracked, up to <paramref name="limit"/> pending deliveries due
    /// at <paramref name="now"/> to enabled endpoints, skipping rows another run holds.
    /// </summary>
    Task<List<Domain.Webhooks.WebhookDelivery>> LockDueWebhookDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Locks the tenant's row until the open transaction ends, so that changes to one tenant apply one at a time.</summary>
    Task LockTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for, then holds until the open transaction ends, the lock on one Stripe event id: a concurrent copy of the
    /// event waits here and then sees the first one's record, whether or not the event names a tenant.
    /// </summary>
    Task LockStripeEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Starts a transaction that everything saved through this catalog (users included) joins until commit.</summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);
}

/// <summary>The current tenant's own schema. Every query through it stays inside that schema by construction.</summary>
public interface ITenantDb
{
    DbSet<Company> Companies { get; }

    DbSet<OnboardingProgress> OnboardingProgress { get; }

    DbSet<BrandAsset> Assets { get; }

    DbSet<AssetChunk> AssetChunks { get; }

    DbSet<ChatSession> ChatSessions { get; }

    DbSet<ChatMessage> ChatMessages { get; }

    DbSet<BrandStrategyVersion> StrategyVersions { get; }

    DbSet<MarketAnalysisReport> MarketAnalyses { get; }

    DbSet<ContentItem> ContentItems { get; }

    DbSet<PublishAttempt> PublishAttempts { get; }

    DbSet<AutomationTask> AutomationTasks { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<TenantSettings> TenantSettings { get; }

    DbSet<SocialConnection> SocialConnections { get; }

    DbSet<SocialProfile> SocialProfiles { get; }

    DbSet<OAuthAuthorization> OAuthAuthorizations { get; }

    DbSet<CalendarFeedToken> CalendarFeedTokens { get; }

    DbSet<SocialProfileKit> SocialProfileKits { get; }

    DbSet<GoogleBusinessLocation> GoogleBusinessLocations { get; }

    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

    DbSet<Domain.BrandGuard.BrandRule> BrandRules { get; }

    DbSet<Domain.Queue.QueueSlot> QueueSlots { get; }

    DbSet<Domain.Drive.DriveConnection> DriveConnections { get; }

    DbSet<Domain.Drive.DriveAuthorization> DriveAuthorizations { get; }

    DbSet<Domain.Drive.DriveSource> DriveSources { get; }

    DbSet<Domain.Review.ReviewDecision> ReviewDecisions { get; }

    DbSet<RecurringSeries> RecurringSeries { get; }

    DbSet<Domain.Feeds.Feed> Feeds { get; }

    DbSet<Domain.Feeds.FeedEntry> FeedEntries { get; }

    DbSet<Domain.Snippets.Snippet> Snippets { get; }

    DbSet<Domain.Links.PostLinkSettings> PostLinkSettings { get; }

    DbSet<Domain.Analytics.PostPerformance> PostPerformance { get; }

    DbSet<Domain.Analytics.PostMetric> PostMetrics { get; }

    DbSet<Domain.Analytics.AccountMetric> AccountMetrics { get; }

    DbSet<Domain.Analytics.MetricsAccount> MetricsAccounts { get; }

    DbSet<Domain.Analytics.MonthlyReportSetting> MonthlyReportSettings { get; }

    DbSet<Domain.Analytics.MonthlyReportDelivery> MonthlyReportDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>True while a transaction is open on this scope's connection (a transactional command's, for one).</summary>
    bool InTransaction { get; }

    /// <summary>
    /// Waits for, then holds until the open transaction ends, this tenant's lock on <paramref name="resource"/>: two
    /// requests that check a count and then add to it run one after the other. Needs an open transaction.
    /// </summary>
    Task LockAsync(TenantLock resource, CancellationToken cancellationToken);

    /// <summary>Forgets every loaded and pending entity, after a failed save, so the next one starts clean.</summary>
    void DiscardChanges();

    /// <summary>
    /// Keeps one connection for every query until the result is disposed, instead of one lease (with its reset and
    /// search_path) per query: for a read made of several queries.
    /// </summary>
    Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="HoldConnectionAsync"/> and <see cref="TimeZoneIdAsync"/> together: when this opens the connection, the
    /// zone is read in the same round trip that sets the connection up.
    /// </summary>
    Task<(IAsyncDisposable Held, string? TimeZoneId)> HoldConnectionWithTimeZoneAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The workspace's time zone (IANA id, kept in the catalog), or null; read on this context's connection, so that a
    /// request that needs the zone and the tenant's data leases one connection, not two.
    /// </summary>
    Task<string?> TimeZoneIdAsync(CancellationToken cancellationToken);
}

/// <summary>Creates a tenant's schema with every tenant table, inside <c>transaction</c> (the one that records the tenant).</summary>
public interface ITenantProvisioner
{
    Task CreateSchemaAsync(CatalogTransaction transaction, Tenant tenant, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ITenantDb.LockAsync"/> serialises within one tenant.</summary>
public enum TenantLock
{
    /// <summary>The brand count checked against the plan before a brand is added.</summary>
    Brands = 1,

    /// <summary>Reading the brand rules from the documents, so that two requests do not read them at once.</summary>
    BrandRules = 2,

    /// <summary>The queue's free posting times, so that two posts added at once do not take the same one.</summary>
    Queue = 3,

    /// <summary>Making the occurrences of recurring posts, so that two nodes (or a request and the job) do not make them at once.</summary>
    Recurring = 4,

    /// <summary>A CSV import, so that two imports of one file at once do not both write its rows (one skips what the other wrote).</summary>
    Import = 5,
}
