using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Analytics;

/// <summary>
/// One post as it went out on one network (a published variant), with when its metrics are read next and the latest
/// values read. The full history is in <see cref="PostMetric"/>; this row is what reports add up, so a report reads
/// one row per post instead of a time series.
/// </summary>
public sealed class PostPerformance
{
    public const int MaxErrorLength = 500;

    private PostPerformance()
    {
    }

    public Guid ContentItemId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    public Guid? CompanyId { get; private set; }

    public Guid ConnectionId { get; private set; }

    public string PlatformPostId { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>When the collector reads it next; null once it is past the horizon or the network has no per-post metrics.</summary>
    public DateTimeOffset? NextCollectionAt { get; private set; }

    public DateTimeOffset? LastCollectedAt { get; private set; }

    public int Collections { get; private set; }

    /// <summary>Why the last reading failed, in words for the user; null after a success.</summary>
    public string? LastError { get; private set; }

    public long Impressions { get; private set; }

    public long Reach { get; private set; }

    public long Clicks { get; private set; }

    public long Reactions { get; private set; }

    public long Comments { get; private set; }

    public long Shares { get; private set; }

    public long Saves { get; private set; }

    public long VideoViews { get; private set; }

    /// <summary>Reactions, comments, shares, saves and clicks.</summary>
    public long Engagements => Reactions + Comments + Shares + Saves + Clicks;

    public static PostPerformance Track(
        Guid contentItemId, SocialPlatform platform, Guid? companyId, Guid connectionId, string platformPostId, DateTimeOffset publishedAt,
        bool hasPostMetrics) =>
        new()
        {
            ContentItemId = contentItemId,
            Platform = platform,
            CompanyId = companyId,
            ConnectionId = connectionId,
            PlatformPostId = platformPostId,
            PublishedAt = publishedAt,
            // Read at once: the first window starts when the post went out.
            NextCollectionAt = hasPostMetrics ? publishedAt : null,
        };

    /// <summary>The values read at <paramref name="now"/> become the latest; the next reading is at the next window.</summary>
    public void Record(IReadOnlyDictionary<MetricKind, long> values, DateTimeOffset now)
    {
        long Get(MetricKind kind, long old) => values.TryGetValue(kind, out var v) ? v : old;
        Impressions = Get(MetricKind.Impressions, Impressions);
        Reach = Get(MetricKind.Reach, Reach);
        Clicks = Get(MetricKind.Clicks, Clicks);
        Reactions = Get(MetricKind.Reactions, Reactions);
        Comments = Get(MetricKind.Comments, Comments);
        Shares = Get(MetricKind.Shares, Shares);
        Saves = Get(MetricKind.Saves, Saves);
        VideoViews = Get(MetricKind.VideoViews, VideoViews);
        LastCollectedAt = now;
        Collections++;
        LastError = null;
        NextCollectionAt = MetricsSchedule.NextWindow(PublishedAt, now);
    }

    /// <summary>The reading failed for a reason that may pass (rate limit, outage): try again at <paramref name="retryAt"/>.</summary>
    public void Postpone(DateTimeOffset retryAt, string? reason)
    {
        NextCollectionAt = retryAt - PublishedAt >= MetricsSchedule.Horizon ? null : retryAt;
        LastError = Limit(reason);
    }

    /// <summary>The network no longer has the post (deleted) or refuses to say: no more readings.</summary>
    public void Stop(string reason)
    {
        NextCollectionAt = null;
        LastError = Limit(reason);
    }

    private static string? Limit(string? text) => text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] : text;
}
