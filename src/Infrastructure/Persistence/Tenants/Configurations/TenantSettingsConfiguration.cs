using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class TenantSettingsConfiguration : IEntityTypeConfiguration<TenantSettings>
{
    public void Configure(EntityTypeBuilder<TenantSettings> builder)
    {
        builder.ToTable("tenant_settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BrandGuardBlocking).HasMaxLength(60).HasDefaultValue("High");
        builder.Property(s => s.BrandRulesSource).HasMaxLength(64);
        builder.Ignore(s => s.BlockingSeverities);
    }
}
