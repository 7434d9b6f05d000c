using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Review;

namespace BrandAutomator.Domain.Tests;

public sealed class ReviewLinkTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 12, 9, 0, 0, TimeSpan.Zero);

    private static ReviewLink Link(int days = 7, int posts = 2) => ReviewLink.Create(
        Guid.NewGuid(), "March posts", new string('a', 64), null, null, null,
        Enumerable.Range(0, posts).Select(_ => Guid.NewGuid()).ToList(), Now.AddDays(days), Guid.NewGuid(), Now);

    [Fact]
    public void A_link_is_open_until_it_expires_or_is_revoked_and_revoking_twice_keeps_the_first_time()
    {
        var link = Link();
        Assert.True(link.IsOpen(Now.AddDays(6)));
        Assert.False(link.IsOpen(Now.AddDays(7)));

        link.Revoke(Guid.NewGuid(), Now.AddHours(1));
        link.Revoke(Guid.NewGuid(), Now.AddHours(2));
        Assert.False(link.IsOpen(Now.AddHours(3)));
        Assert.Equal(Now.AddHours(1), link.RevokedAt);
    }

    [Theory]
    [InlineData(0, 2, "expiresInDays")]
    [InlineData(61, 2, "expiresInDays")]
    [InlineData(7, 0, "postIds")]
    [InlineData(7, 201, "postIds")]
    public void A_link_without_posts_or_past_its_limits_is_refused_on_its_field(int days, int posts, string field)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Link(days, posts));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_reviewer_name_is_kept_as_typed_without_hidden_characters_or_extra_spaces()
    {
        var decision = ReviewDecision.Record(Guid.NewGuid(), Guid.NewGuid(), "  Zoë\u200B  \u202EO'Brien\t", ReviewVerdict.Approved, "  ", Now);

        Assert.Equal("Zoë O'Brien", decision.ReviewerName);
        Assert.Null(decision.Comment);
    }

    [Fact]
    public void Asking_for_changes_needs_a_comment_and_a_name_needs_a_letter()
    {
        Assert.Equal("comment", Assert.Throws<DomainRuleException>(() =>
            ReviewDecision.Record(Guid.NewGuid(), Guid.NewGuid(), "Ana", ReviewVerdict.ChangesRequested, " \n ", Now)).Field);
        Assert.Equal("reviewerName", Assert.Throws<DomainRuleException>(() =>
            ReviewDecision.Record(Guid.NewGuid(), Guid.NewGuid(), "\u200B\u200B", ReviewVerdict.Approved, null, Now)).Field);

        var changes = ReviewDecision.Record(Guid.NewGuid(), Guid.NewGuid(), "Ana", ReviewVerdict.ChangesRequested, "Line one\r\nLine two", Now);
        Assert.Equal("Line one\nLine two", changes.Comment);
    }
}
