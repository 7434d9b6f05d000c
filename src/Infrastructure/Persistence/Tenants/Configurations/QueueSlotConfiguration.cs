using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class QueueSlotConfiguration : IEntityTypeConfiguration<QueueSlot>
{
    public void Configure(EntityTypeBuilder<QueueSlot> builder)
    {
        builder.ToTable("queue_slots");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        // One row per brand, network, day and time; "no brand" is one brand too, hence NULLS NOT DISTINCT.
        builder.HasIndex(s => new { s.CompanyId, s.Platform, s.Day, s.Time }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
