using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public sealed class ContentItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<Guid, AssetType> NoAssets = [];

    private static ContentItem Post(SocialPlatform platform = SocialPlatform.LinkedIn, string text = "Hello", params Guid[] media) =>
        ContentItem.Create(null, "Title", [new ContentVariant(platform, text, media)], null, Guid.NewGuid(), Now);

    [Fact]
    public void A_post_goes_from_draft_through_review_and_scheduling_to_published()
    {
        var post = Post();
        post.Submit(Guid.NewGuid(), Now);
        post.Approve(Guid.NewGuid(), "Good", mayApproveOwn: false, Now);
        post.Schedule(Now.AddHours(1), approvalRequired: true, NoAssets, Now);
        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddHours(1), TimeSpan.FromMinutes(3), TimeSpan.Zero));
        post.MarkPublished(Now.AddHours(1));

        Assert.Equal(ContentState.Published, post.State);
        Assert.Throws<DomainRuleException>(() => post.Cancel(Now));
        Assert.Throws<DomainRuleException>(() => post.Edit(null, "t", post.Variants, null, Now));
    }

    [Fact]
    public void An_admin_approves_their_own_post_only_where_the_workspace_allows_it()
    {
        var author = Guid.NewGuid();
        var post = ContentItem.Create(null, "Title", [new ContentVariant(SocialPlatform.LinkedIn, "Hello", [])], null, author, Now);
        post.Submit(author, Now);

        var refused = Assert.Throws<DomainRuleException>(() => post.Approve(author, null, mayApproveOwn: false, Now));
        Assert.Contains("another admin", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ContentState.InReview, post.State);

        post.Approve(author, null, mayApproveOwn: true, Now);
        Assert.Equal(ContentState.Approved, post.State);
    }

    [Fact]
    public void Illegal_moves_are_refused()
    {
        var post = Post();
        Assert.Throws<DomainRuleException>(() => post.Approve(Guid.NewGuid(), null, mayApproveOwn: false, Now));
        Assert.Throws<DomainRuleException>(() => post.MarkPublished(Now));
        Assert.Throws<DomainRuleException>(() => post.RetryLater(Now, "x", Now));
        Assert.Throws<DomainRuleException>(() => post.Schedule(Now.AddHours(1), approvalRequired: true, NoAssets, Now));
        post.Submit(Guid.NewGuid(), Now);
        Assert.Throws<DomainRuleException>(() => post.Submit(Guid.NewGuid(), Now));
        Assert.Throws<DomainRuleException>(() => post.Reject(Guid.NewGuid(), " ", Now));
    }

    [Fact]
    public void Only_a_scheduled_post_whose_time_has_come_is_claimed_and_only_once()
    {
        var post = Post();
        post.Schedule(Now.AddMinutes(10), approvalRequired: false, NoAssets, Now);
        Assert.False(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(9), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2)));
        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(10), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2)));
        Assert.False(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(10), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2)));
        Assert.Throws<DomainRuleException>(() => post.Cancel(Now));
    }

    [Fact]
    public void A_cancelled_post_is_not_claimed()
    {
        var post = Post();
        post.Schedule(Now.AddMinutes(1), approvalRequired: false, NoAssets, Now);
        post.Cancel(Now);
        Assert.False(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(5), TimeSpan.FromMinutes(3), TimeSpan.Zero));
    }

    [Fact]
    public void A_run_that_died_is_taken_back_as_unconfirmed_if_a_request_may_have_gone_out_else_due_again()
    {
        var sent = Post();
        sent.Schedule(Now, approvalRequired: false, NoAssets, Now);
        sent.TryClaim(Guid.NewGuid(), Now, TimeSpan.FromMinutes(3), TimeSpan.Zero);
        Assert.Throws<DomainRuleException>(() => sent.RecoverAbandonedRun(true, Now.AddMinutes(1)));
        sent.RecoverAbandonedRun(true, Now.AddMinutes(4));
        Assert.Equal(ContentState.Unconfirmed, sent.State);

        var unsent = Post();
        unsent.Schedule(Now, approvalRequired: false, NoAssets, Now);
        unsent.TryClaim(Guid.NewGuid(), Now, TimeSpan.FromMinutes(3), TimeSpan.Zero);
        unsent.RecoverAbandonedRun(false, Now.AddMinutes(4));
        Assert.Equal(ContentState.Scheduled, unsent.State);
        Assert.Equal(Now.AddMinutes(4), unsent.DueAt);
    }

    [Fact]
    public void Scheduling_checks_each_networks_limit_and_names_the_field()
    {
        var x = Post(SocialPlatform.X, new string('a', 281));
        var error = Assert.Throws<DomainRuleException>(() => x.Schedule(Now.AddHours(1), false, NoAssets, Now));
        Assert.Equal("variants[0].text", error.Field);
        Assert.Contains("280", error.Message, StringComparison.Ordinal);

        Post(SocialPlatform.X, new string('a', 280)).Schedule(Now.AddHours(1), false, NoAssets, Now);
        // X weighs an emoji 2: 278 + 2 fits, 279 + 2 does not; LinkedIn counts it as one character.
        Post(SocialPlatform.X, new string('a', 278) + "😀").Schedule(Now.AddHours(1), false, NoAssets, Now);
        Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.X, new string('a', 279) + "😀").Schedule(Now.AddHours(1), false, NoAssets, Now));
        Post(SocialPlatform.LinkedIn, new string('a', 2999) + "😀").Schedule(Now.AddHours(1), false, NoAssets, Now);
        Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.LinkedIn, new string('a', 3001)).Schedule(Now.AddHours(1), false, NoAssets, Now));
        Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.GoogleBusiness, new string('a', 1501)).Schedule(Now.AddHours(1), false, NoAssets, Now));
        Post(SocialPlatform.Facebook, new string('a', 63_206)).Schedule(Now.AddHours(1), false, NoAssets, Now);

        var image = Guid.NewGuid();
        var noMedia = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Instagram).Schedule(Now.AddHours(1), false, NoAssets, Now));
        Assert.Equal("variants[0].mediaAssetIds", noMedia.Field);
        Post(SocialPlatform.Instagram, "Look", image).Schedule(Now.AddHours(1), false, new Dictionary<Guid, AssetType> { [image] = AssetType.Image }, Now);
        Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.Instagram, new string('a', 2201), image)
            .Schedule(Now.AddHours(1), false, new Dictionary<Guid, AssetType> { [image] = AssetType.Image }, Now));
    }

    [Fact]
    public void A_time_in_the_past_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Post().Schedule(Now.AddMinutes(-5), false, NoAssets, Now));
        Assert.Equal("at", error.Field);
    }
}
