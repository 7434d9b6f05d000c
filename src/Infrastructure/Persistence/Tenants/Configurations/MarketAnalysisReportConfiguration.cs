using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class MarketAnalysisReportConfiguration : IEntityTypeConfiguration<MarketAnalysisReport>
{
    public void Configure(EntityTypeBuilder<MarketAnalysisReport> builder)
    {
        builder.ToTable("market_analyses");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Focus).HasMaxLength(MarketAnalysisReport.MaxFocusLength);
        builder.Property(r => r.Findings).HasColumnType("jsonb");
        builder.Property(r => r.Provider).HasMaxLength(40);
        builder.Property(r => r.Model).HasMaxLength(120);
        builder.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CompanyId, r.CreatedAt });
    }
}
