using BrandAutomator.Domain.Feeds;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Feeds;

/// <summary>
/// A watched feed. <see cref="Status"/> is <c>watching</c>, <c>failing</c> (the last check failed; it is retried later)
/// or <c>paused</c> (after repeated failures, until resumed); <see cref="Problem"/> says why, in words.
/// </summary>
public sealed record FeedDto(
    Guid Id, Guid? CompanyId, string Name, string Url, FeedTarget Target, IReadOnlyList<SocialPlatform> Platforms, string Template,
    int IntervalMinutes, string Status, string? Problem, DateTimeOffset? LastPolledAt, DateTimeOffset? NextPollAt, int Posts)
{
    public static FeedDto From(Feed feed, int posts) => new(
        feed.Id, feed.CompanyId, feed.Name, feed.Url, feed.Target, feed.Platforms, feed.Template, feed.IntervalMinutes,
        feed.PausedAt is not null ? "paused" : feed.LastError is not null ? "failing" : "watching",
        feed.LastError, feed.LastPolledAt, feed.PausedAt is null ? feed.NextPollAt : null, posts);
}

/// <summary>What one round of checks did in a workspace.</summary>
public sealed record FeedPollSummary(int Checked, int Posts, int Failed, int Paused);
