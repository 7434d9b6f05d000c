using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Catalog.Configurations;

internal sealed class BillingAccountConfiguration : IEntityTypeConfiguration<BillingAccount>
{
    public void Configure(EntityTypeBuilder<BillingAccount> builder)
    {
        builder.ToTable("billing_accounts");
        builder.HasKey(a => a.TenantId);
        builder.Property(a => a.TenantId).ValueGeneratedNever();
        builder.Property(a => a.CardBrand).HasMaxLength(BillingAccount.MaxBrandLength);
        builder.Property(a => a.CardLast4).HasMaxLength(4);
        builder.Property(a => a.NextInvoiceCurrency).HasMaxLength(3);
        builder.Ignore(a => a.Card);
        builder.Ignore(a => a.NextInvoice);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<BillingAccount>(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
