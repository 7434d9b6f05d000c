using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

/// <summary>The outcome policy of a publishing run, now on the aggregate (it was in the publishing handler).</summary>
public sealed class PublishRunConclusionTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Func<int, TimeSpan> Backoff = runs => TimeSpan.FromMinutes(runs);

    private static ContentItem Claimed()
    {
        var post = ContentItem.Create(null, "Title", [new ContentVariant(SocialPlatform.X, "Hello", [])], null, Guid.NewGuid(), Now);
        post.Schedule(Now.AddMinutes(1), approvalRequired: false, new Dictionary<Guid, AssetType>(), Now);
        Assert.True(post.TryClaim(Guid.NewGuid(), Now.AddMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.Zero));
        return post;
    }

    private static NetworkResult Result(PublishOutcome outcome, SocialPlatform platform = SocialPlatform.X, TimeSpan? retryAfter = null) =>
        new(platform, outcome, outcome == PublishOutcome.Published ? "id-1" : null, outcome == PublishOutcome.Published ? null : "why", retryAfter);

    [Fact]
    public void A_transient_failure_schedules_the_post_again_after_the_longer_of_backoff_and_the_asked_wait()
    {
        var post = Claimed();
        var end = post.ConcludeRun([Result(PublishOutcome.RetryLater, retryAfter: TimeSpan.FromMinutes(5))], maxRuns: 3, Backoff, Now);

        Assert.Equal(RunConclusion.RetryLater, end.Conclusion);
        Assert.Equal(Now.AddMinutes(5), end.RetryAt);
        Assert.Equal(ContentState.Scheduled, post.State);
        Assert.Equal(1, post.FailedRuns);
    }

    [Fact]
    public void A_lost_answer_makes_the_post_unconfirmed_even_beside_a_success()
    {
        var post = Claimed();
        var end = post.ConcludeRun([Result(PublishOutcome.Published, SocialPlatform.LinkedIn), Result(PublishOutcome.Unconfirmed)], 3, Backoff, Now);

        Assert.Equal(RunConclusion.Unconfirmed, end.Conclusion);
        Assert.Equal(ContentState.Unconfirmed, post.State);
    }

    [Fact]
    public void Retries_run_out_into_failed_with_the_count_in_the_reason()
    {
        var post = Claimed();
        var end = post.ConcludeRun([Result(PublishOutcome.RetryLater)], maxRuns: 1, Backoff, Now);

        Assert.Equal(RunConclusion.Failed, end.Conclusion);
        Assert.StartsWith("Gave up after 1 attempts.", end.Reason, StringComparison.Ordinal);
        Assert.Equal(ContentState.Failed, post.State);
    }

    [Fact]
    public void Every_network_published_makes_the_post_published()
    {
        var post = Claimed();
        var end = post.ConcludeRun([Result(PublishOutcome.Published)], 3, Backoff, Now);

        Assert.Equal(RunConclusion.Published, end.Conclusion);
        Assert.Equal("X: published (id-1).", end.Reason);
        Assert.Equal(ContentState.Published, post.State);
    }
}
