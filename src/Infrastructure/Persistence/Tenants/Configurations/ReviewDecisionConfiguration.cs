using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandAutomator.Infrastructure.Persistence.Tenants.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.ToTable("review_decisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ReviewerName).HasMaxLength(ReviewDecision.MaxReviewerNameLength);
        builder.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Comment).HasMaxLength(ReviewDecision.MaxCommentLength);
        // The link's decisions, newest first, per post.
        builder.HasIndex(d => new { d.LinkId, d.ContentItemId, d.DecidedAt });
        builder.HasIndex(d => new { d.ContentItemId, d.DecidedAt });
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(d => d.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
