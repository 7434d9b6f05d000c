using BrandAutomator.Domain.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class MonthlyReportSettingConfiguration : IEntityTypeConfiguration<MonthlyReportSetting>
{
    public void Configure(EntityTypeBuilder<MonthlyReportSetting> builder)
    {
        builder.ToTable("monthly_report_settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class MonthlyReportDeliveryConfiguration : IEntityTypeConfiguration<MonthlyReportDelivery>
{
    public void Configure(EntityTypeBuilder<MonthlyReportDelivery> builder)
    {
        builder.ToTable("monthly_report_deliveries");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Month).HasMaxLength(7);
        // One report per month and admin, whichever node or run gets there first.
        builder.HasIndex(d => new { d.Month, d.RecipientId }).IsUnique();
    }
}
