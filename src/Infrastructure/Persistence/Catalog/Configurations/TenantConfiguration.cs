using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Tenant.MaxNameLength);
        builder.Property(t => t.Slug).HasMaxLength(64);
        builder.Property(t => t.SchemaName).HasMaxLength(63);
        builder.HasIndex(t => t.SchemaName).IsUnique();
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.SchemaVersion).HasMaxLength(150);
        builder.Property(t => t.Plan).HasMaxLength(Tenant.MaxPlanLength);
        builder.Property(t => t.SubscriptionStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.StripeCustomerId).HasMaxLength(Tenant.MaxStripeIdLength);
        builder.Property(t => t.StripeSubscriptionId).HasMaxLength(Tenant.MaxStripeIdLength);
        builder.HasIndex(t => t.StripeCustomerId);
        builder.HasIndex(t => t.StripeSubscriptionId);
        // Stored in a form whose string order is the key's order, readable in psql: "000001767225600|2|evt_...".
        foreach (var key in new[] { nameof(Tenant.LastBillingEventKey), nameof(Tenant.PlanEventKey), nameof(Tenant.StatusEventKey) })
        {
            builder.Property<BillingEventKey?>(key)
                .HasConversion(k => k!.ToString(), s => BillingEventKey.Parse(s))
                .HasMaxLength(BillingEventKey.MaxEventIdLength + 20);
        }
    }
}
