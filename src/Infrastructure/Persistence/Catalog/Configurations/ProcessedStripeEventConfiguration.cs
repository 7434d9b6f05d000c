using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

internal sealed class ProcessedStripeEventConfiguration : IEntityTypeConfiguration<ProcessedStripeEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedStripeEvent> builder)
    {
        builder.ToTable("processed_stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(BillingEventKey.MaxEventIdLength).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(ProcessedStripeEvent.MaxTypeLength);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.TenantId);
        // The record outlives a deleted tenant: it is what stops a late replay from touching anything.
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.SetNull);
    }
}
