using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
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

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

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
