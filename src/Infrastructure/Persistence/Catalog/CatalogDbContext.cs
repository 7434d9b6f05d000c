using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using BrandAutomator.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandAutomator.Infrastructure.Persistence.Catalog;

/// <summary>The shared catalog in the <c>public</c> schema; every table name is schema-qualified.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options)
    : IdentityUserContext<ApplicationUser, Guid>(options), ICatalogDb
{
    public const string Schema = "public";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Assets.AssetJob> AssetJobs => Set<Assets.AssetJob>();
    public DbSet<ProcessedStripeEvent> ProcessedStripeEvents => Set<ProcessedStripeEvent>();

    public DbSet<BillingInvoice> BillingInvoices => Set<BillingInvoice>();

    public DbSet<BillingAccount> BillingAccounts => Set<BillingAccount>();

    public DbSet<Domain.ApiKeys.ApiKey> ApiKeys => Set<Domain.ApiKeys.ApiKey>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public Task<List<WebhookEvent>> LockWaitingWebhookEventsAsync(int limit, CancellationToken cancellationToken) =>
        WebhookEvents.FromSqlInterpolated(
                $"SELECT * FROM public.webhook_events WHERE dispatched_at IS NULL ORDER BY occurred_at LIMIT {limit} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

    public Task<List<WebhookDelivery>> LockDueWebhookDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        WebhookDeliveries.FromSqlInterpolated(
                $@"SELECT d.* FROM public.webhook_deliveries d
                   WHERE d.state = 'Pending' AND d.next_attempt_at <= {now}
                     AND EXISTS (SELECT 1 FROM public.webhook_endpoints e WHERE e.id = d.endpoint_id AND e.enabled)
                   ORDER BY d.next_attempt_at LIMIT {limit} FOR UPDATE OF d SKIP LOCKED")
            .ToListAsync(cancellationToken);

    public DbSet<Domain.Review.ReviewLink> ReviewLinks => Set<Domain.Review.ReviewLink>();

    public DbSet<Domain.Links.ShortLink> ShortLinks => Set<Domain.Links.ShortLink>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    public Task LockTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            // Without a transaction the lock would end with the statement: a silent no-op.
            throw new InvalidOperationException("LockTenantAsync needs an open transaction.");
        }

        return Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM public.tenants WHERE id = {tenantId} FOR UPDATE", cancellationToken);
    }

    public Task LockStripeEventAsync(string eventId, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("LockStripeEventAsync needs an open transaction.");
        }

        // A transaction-scoped advisory lock on the id's 64-bit hash: no row needs to exist yet for the copies to queue.
        return Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({eventId}, 7283))", cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        // One IEntityTypeConfiguration per entity under Configurations/ (the tenant schema's live elsewhere in this assembly).
        builder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.TenantConfiguration).Namespace);

        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        // The asset job queue stays here while the asset pipeline is being reworked on another branch (#17).
        builder.Entity<Assets.AssetJob>(b =>
        {
            b.ToTable("asset_jobs");
            b.Property(j => j.Id).UseIdentityAlwaysColumn();
            b.HasIndex(j => new { j.RunAfter, j.Id });
            b.HasIndex(j => new { j.TenantId, j.AssetId });
            b.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
