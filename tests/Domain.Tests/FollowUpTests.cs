using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>First comments and threads: where they are allowed, their limits, and a comment never failing its post.</summary>
public sealed class FollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Func<int, TimeSpan> Backoff = runs => TimeSpan.FromMinutes(runs);
    private static readonly Dictionary<Guid, AssetType> NoMedia = [];

    private static ContentItem Post(SocialPlatform platform, PostOptions options, string text = "Hello") =>
        ContentItem.Create(null, "Title", [new ContentVariant(platform, text, [], options)], null, Guid.NewGuid(), Now);

    private static ContentItem Claimed(PostOptions options)
    {
        var post = Post(SocialPlatform.X, options);
        post.Schedule(Now.AddMinutes(1), approvalRequired: false, NoMedia, Now);
        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.Zero));
        return post;
    }

    private static NetworkResult Result(PublishOutcome outcome) =>
        new(SocialPlatform.X, outcome, outcome == PublishOutcome.Published ? "id-1" : null, outcome == PublishOutcome.Published ? null : "first comment not posted: why", null);

    [Theory]
    [InlineData(SocialPlatform.Facebook)]
    [InlineData(SocialPlatform.Instagram)]
    [InlineData(SocialPlatform.LinkedIn)]
    [InlineData(SocialPlatform.X)]
    [InlineData(SocialPlatform.Threads)]
    public void A_first_comment_is_kept_on_the_networks_that_take_one(SocialPlatform platform)
    {
        var post = Post(platform, new PostOptions(FirstComment: "  #bakery #autumn  "));
        Assert.Equal("#bakery #autumn", post.Variants[0].Options!.FirstComment);
    }

    [Theory]
    [InlineData(SocialPlatform.Bluesky)]
    [InlineData(SocialPlatform.GoogleBusiness)]
    [InlineData(SocialPlatform.Pinterest)]
    public void A_first_comment_on_a_network_without_them_is_refused_naming_the_field(SocialPlatform platform)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Post(platform, new PostOptions(FirstComment: "Hello")));
        Assert.Equal("variants[0].options.firstComment", refused.Field);
    }

    [Fact]
    public void A_thread_is_for_x_and_an_empty_part_is_refused_with_its_place()
    {
        Assert.Equal("variants[0].options.thread", Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.LinkedIn, new PostOptions(Thread: ["Two"]))).Field);
        var empty = Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.X, new PostOptions(Thread: ["Two", " "])));
        Assert.Equal("variants[0].options.thread[1]", empty.Field);
        Assert.Contains("Part 3", empty.Message, StringComparison.Ordinal);
        Assert.Equal("variants[0].options.thread", Assert.Throws<DomainRuleException>(() =>
            Post(SocialPlatform.X, new PostOptions(Thread: Enumerable.Repeat("Part", FollowUpRules.MaxThreadParts).ToList()))).Field);
    }

    [Fact]
    public void Each_part_and_the_comment_are_held_to_the_networks_limit_when_scheduled()
    {
        // X weighs an emoji 2: 278 letters and a rocket make 280, one more letter is over.
        var fits = Post(SocialPlatform.X, new PostOptions(Thread: [new string('a', 278) + "🚀"], FirstComment: new string('b', 280)));
        fits.Schedule(Now.AddMinutes(1), approvalRequired: false, NoMedia, Now);

        var over = Post(SocialPlatform.X, new PostOptions(Thread: ["Two", new string('a', 279) + "🚀"]));
        Assert.Equal("variants[0].options.thread[1]", Assert.Throws<DomainRuleException>(() => over.Schedule(Now.AddMinutes(1), false, NoMedia, Now)).Field);
        var comment = Post(SocialPlatform.LinkedIn, new PostOptions(FirstComment: new string('c', 1_251)));
        var refused = Assert.Throws<DomainRuleException>(() => comment.Schedule(Now.AddMinutes(1), false, NoMedia, Now));
        Assert.Equal("variants[0].options.firstComment", refused.Field);
        Assert.Contains("1,250", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_first_comment_leaves_the_post_published_and_says_why()
    {
        var post = Claimed(new PostOptions(FirstComment: "Hi"));
        var end = post.ConcludeRun([Result(PublishOutcome.Published)], [Result(PublishOutcome.Rejected)], maxRuns: 3, Backoff, Now);

        Assert.Equal(RunConclusion.Published, end.Conclusion);
        Assert.Equal(ContentState.Published, post.State);
        Assert.Contains("first comment not posted: why", end.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_comment_to_retry_keeps_the_run_going_while_runs_remain_and_never_fails_the_post()
    {
        var post = Claimed(new PostOptions(FirstComment: "Hi"));
        Assert.Equal(RunConclusion.RetryLater, post.ConcludeRun([Result(PublishOutcome.Published)], [Result(PublishOutcome.RetryLater)], 2, Backoff, Now).Conclusion);

        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(5), TimeSpan.FromMinutes(3), TimeSpan.Zero));
        var last = post.ConcludeRun([Result(PublishOutcome.Published)], [Result(PublishOutcome.RetryLater)], 2, Backoff, Now.AddMinutes(5));
        Assert.Equal(RunConclusion.Published, last.Conclusion);
        Assert.Equal(ContentState.Published, post.State);
    }

    [Fact]
    public void Sending_follow_ups_again_keeps_the_time_the_post_was_published()
    {
        var post = Claimed(new PostOptions(FirstComment: "Hi"));
        post.ConcludeRun([Result(PublishOutcome.Published)], [Result(PublishOutcome.Rejected)], 3, Backoff, Now);
        var publishedAt = post.PublishedAt;

        post.RetryFollowUps(Now.AddHours(1));
        Assert.Equal(ContentState.Scheduled, post.State);
        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddHours(1), TimeSpan.FromMinutes(3), TimeSpan.Zero));
        post.ConcludeRun([Result(PublishOutcome.Published)], [Result(PublishOutcome.Published)], 3, Backoff, Now.AddHours(1));

        Assert.Equal(ContentState.Published, post.State);
        Assert.Equal(publishedAt, post.PublishedAt);
        Assert.Throws<DomainRuleException>(() => Post(SocialPlatform.X, PostOptions.Empty).RetryFollowUps(Now));
    }
}
