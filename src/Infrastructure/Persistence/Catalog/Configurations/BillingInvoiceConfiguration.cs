using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

internal sealed class BillingInvoiceConfiguration : IEntityTypeConfiguration<BillingInvoice>
{
    public void Configure(EntityTypeBuilder<BillingInvoice> builder)
    {
        builder.ToTable("billing_invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(BillingInvoice.MaxIdLength).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(BillingInvoice.MaxNumberLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.HostedInvoiceUrl).HasMaxLength(BillingInvoice.MaxUrlLength);
        builder.Property(i => i.PdfUrl).HasMaxLength(BillingInvoice.MaxUrlLength);
        // The history is read newest first, one tenant at a time.
        builder.HasIndex(i => new { i.TenantId, i.IssuedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
