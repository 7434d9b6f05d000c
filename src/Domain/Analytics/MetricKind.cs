namespace BrandAutomator.Domain.Analytics;

/// <summary>
/// What a network counts, in this product's words. Each network's own names map onto these (Instagram <c>saved</c> is
/// <see cref="Saves"/>, X <c>retweet_count</c> + <c>quote_count</c> is <see cref="Shares"/>, Facebook's
/// <c>post_media_view</c>, which replaced impressions in November 2025, is <see cref="Impressions"/>).
/// </summary>
public enum MetricKind
{
    /// <summary>Times the post was shown (X impressions, LinkedIn impressions, Facebook and Instagram views).</summary>
    Impressions,
    /// <summary>Distinct people or accounts who saw it.</summary>
    Reach,
    Clicks,
    /// <summary>Likes and other reactions.</summary>
    Reactions,
    Comments,
    /// <summary>Shares, reposts and quotes.</summary>
    Shares,
    /// <summary>Saves and bookmarks.</summary>
    Saves,
    VideoViews,
    /// <summary>An account's followers (account metric).</summary>
    Followers,
    /// <summary>Google Business Profile: times the profile was shown in Search and Maps (account metric, per day).</summary>
    ProfileViews,
    /// <summary>Google Business Profile: website clicks, calls, direction requests (account metric, per day).</summary>
    ProfileActions,
}

public static class MetricKinds
{
    /// <summary>The kinds that count as engagement: a person did something with the post.</summary>
    public static readonly IReadOnlySet<MetricKind> Engagement =
        new HashSet<MetricKind> { MetricKind.Reactions, MetricKind.Comments, MetricKind.Shares, MetricKind.Saves, MetricKind.Clicks };
}
