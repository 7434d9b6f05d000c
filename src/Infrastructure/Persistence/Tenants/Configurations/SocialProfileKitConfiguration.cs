using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class SocialProfileKitConfiguration : IEntityTypeConfiguration<SocialProfileKit>
{
    public void Configure(EntityTypeBuilder<SocialProfileKit> builder)
    {
        builder.ToTable("social_profile_kits");
        builder.Ignore(k => k.Spec);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.DisplayName).HasMaxLength(200);
        builder.Property(k => k.Link).HasMaxLength(2048);
        builder.Property(k => k.AiProvider).HasMaxLength(40);
        builder.Property(k => k.PushResult).HasMaxLength(500);
        builder.Ignore(k => k.Handles);
        builder.Property<List<string>>("_handles").HasColumnName("handles").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Of<List<string>>(), JsonColumn.Comparer<List<string>>());
        builder.Ignore(k => k.Texts);
        builder.Property<List<ProfileKitText>>("_texts").HasColumnName("texts").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Of<List<ProfileKitText>>(), JsonColumn.Comparer<List<ProfileKitText>>());
        builder.Property(k => k.Avatar).HasColumnType("jsonb").HasConversion(JsonColumn.OfObject<ProfileKitImage>(), JsonColumn.Comparer<ProfileKitImage>());
        builder.Property(k => k.Banner).HasColumnType("jsonb").HasConversion(JsonColumn.OfObject<ProfileKitImage>()!, JsonColumn.Comparer<ProfileKitImage>());
        builder.HasIndex(k => new { k.CompanyId, k.Platform }).IsUnique();
        builder.HasOne<Company>().WithMany().HasForeignKey(k => k.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
