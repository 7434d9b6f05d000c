using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);

        builder.Entity<ApplicationUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.FullName).HasMaxLength(120);
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants");
            b.Ignore(t => t.DomainEvents);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Name).HasMaxLength(Tenant.MaxNameLength);
            b.Property(t => t.Slug).HasMaxLength(64);
            b.Property(t => t.SchemaName).HasMaxLength(63);
            b.HasIndex(t => t.SchemaName).IsUnique();
            b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.TimeZone).HasMaxLength(64);
            b.Property(t => t.SchemaVersion).HasMaxLength(150);
            b.Property(t => t.Plan).HasMaxLength(Tenant.MaxPlanLength);
            b.Property(t => t.SubscriptionStatus).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.StripeCustomerId).HasMaxLength(Tenant.MaxStripeIdLength);
            b.Property(t => t.StripeSubscriptionId).HasMaxLength(Tenant.MaxStripeIdLength);
            b.HasIndex(t => t.StripeCustomerId);
            b.HasIndex(t => t.StripeSubscriptionId);
            // Stored in a form whose string order is the key's order, readable in psql: "000001767225600|2|evt_...".
            foreach (var key in new[] { nameof(Tenant.LastBillingEventKey), nameof(Tenant.PlanEventKey), nameof(Tenant.StatusEventKey) })
            {
                b.Property<BillingEventKey?>(key)
                    .HasConversion(k => k!.ToString(), s => BillingEventKey.Parse(s))
                    .HasMaxLength(BillingEventKey.MaxEventIdLength + 20);
            }
        });

        builder.Entity<TenantMembership>(b =>
        {
            b.ToTable("tenant_memberships");
            b.HasKey(m => new { m.TenantId, m.UserId });
            b.HasIndex(m => m.UserId);
            b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RefreshToken>(b =>
        {
            b.ToTable("refresh_tokens");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.FamilyId);
            b.HasIndex(t => new { t.UserId, t.RevokedAt });
            b.Property(t => t.RevokedReason).HasMaxLength(64);
            b.Property(t => t.IpAddress).HasMaxLength(64);
            b.Property(t => t.UserAgent).HasMaxLength(256);
            // xmin: two requests exchanging the same token at once cannot both succeed.
            b.Property<uint>("Version").IsRowVersion();
            b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(b =>
        {
            b.ToTable("invitations");
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Email).HasMaxLength(254);
            b.Property(i => i.TokenHash).HasMaxLength(64);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.HasIndex(i => new { i.TenantId, i.Email });
            b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
            b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Assets.AssetJob>(b =>
        {
            b.ToTable("asset_jobs");
            b.Property(j => j.Id).UseIdentityAlwaysColumn();
            b.HasIndex(j => new { j.RunAfter, j.Id });
            b.HasIndex(j => new { j.TenantId, j.AssetId });
            b.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProcessedStripeEvent>(b =>
        {
            b.ToTable("processed_stripe_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).HasMaxLength(BillingEventKey.MaxEventIdLength).ValueGeneratedNever();
            b.Property(e => e.Type).HasMaxLength(ProcessedStripeEvent.MaxTypeLength);
            b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(e => e.TenantId);
            // The record outlives a deleted tenant: it is what stops a late replay from touching anything.
            b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<AuditEvent>(b =>
        {
            b.ToTable("audit_events");
            b.Property(e => e.Id).UseIdentityAlwaysColumn();
            b.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(e => e.Detail).HasMaxLength(500);
            b.Property(e => e.IpAddress).HasMaxLength(64);
            b.HasIndex(e => new { e.TenantId, e.Id });
            b.HasIndex(e => e.UserId);
        });
    }
}
