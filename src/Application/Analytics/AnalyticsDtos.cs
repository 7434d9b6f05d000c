using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>Sums over the posts published in a period. Engagement rate: engagements per impression, in percent (null without impressions).</summary>
public sealed record AnalyticsTotalsDto(
    int Posts, long Impressions, long Reach, long Engagements, long Clicks, double? EngagementRate, long? Followers, long? FollowersChange);

/// <summary>One network's totals in the period and the period before, and whether it reports metrics per post.</summary>
public sealed record AnalyticsNetworkDto(
    SocialPlatform Platform, string Name, bool HasPostMetrics, AnalyticsTotalsDto Current, AnalyticsTotalsDto Previous,
    long? ProfileViews, long? ProfileActions, string? Note);

/// <summary>Posts published on one day (the workspace's time zone) and what they have reached since.</summary>
public sealed record AnalyticsDayDto(DateOnly Day, int Posts, long Impressions, long Engagements, long Clicks);

/// <summary>An account's followers on one day (the last reading of that day).</summary>
public sealed record AnalyticsFollowersDto(DateOnly Day, SocialPlatform Platform, long Followers);

/// <summary>One published post on one network with its latest metrics.</summary>
public sealed record AnalyticsPostDto(
    Guid ContentItemId, string Title, SocialPlatform Platform, DateTimeOffset PublishedAt, long Impressions, long Reach, long Engagements,
    long Clicks, double? EngagementRate, DateTimeOffset? LastCollectedAt, string? Problem);

/// <summary>The analytics page: a period (dates in the workspace's zone, both included), the one before it of the same length, and their numbers.</summary>
public sealed record AnalyticsOverviewDto(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string TimeZone, AnalyticsTotalsDto Current,
    AnalyticsTotalsDto Previous, IReadOnlyList<AnalyticsNetworkDto> Networks, IReadOnlyList<AnalyticsDayDto> Days,
    IReadOnlyList<AnalyticsFollowersDto> Followers, IReadOnlyList<AnalyticsPostDto> TopPosts, IReadOnlyList<ConnectionWarningDto> Warnings,
    DateTimeOffset? LastCollectedAt);
