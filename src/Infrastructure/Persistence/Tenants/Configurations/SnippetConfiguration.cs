using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Links;
using BrandAutomator.Domain.Snippets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class SnippetConfiguration : IEntityTypeConfiguration<Snippet>
{
    public void Configure(EntityTypeBuilder<Snippet> builder)
    {
        builder.ToTable("snippets");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(Snippet.MaxNameLength);
        builder.Property(s => s.Body).HasMaxLength(Snippet.MaxBodyLength);
        builder.HasIndex(s => new { s.CompanyId, s.Kind });
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostLinkSettingsConfiguration : IEntityTypeConfiguration<PostLinkSettings>
{
    public void Configure(EntityTypeBuilder<PostLinkSettings> builder)
    {
        builder.ToTable("post_link_settings");
        builder.HasKey(s => s.ContentItemId);
        builder.Property(s => s.Campaign).HasMaxLength(PostLinkSettings.MaxCampaignLength);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(s => s.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
