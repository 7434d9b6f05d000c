using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

public enum MetricsReadKind
{
    Read,
    /// <summary>Rate limit or outage: try again after <see cref="MetricsRead.RetryAfter"/> (or the default pause).</summary>
    RetryLater,
    /// <summary>The network refuses the token: refresh it, or the user has to reconnect.</summary>
    Unauthorized,
    /// <summary>The network refuses this request for good (the post was deleted, a permission is missing).</summary>
    Refused,
    /// <summary>The network has no such metric for this kind of account or post (Google Business Profile posts).</summary>
    NotAvailable,
}

/// <summary>A network's answer to one metrics read, without HTTP types.</summary>
public sealed record MetricsRead(
    MetricsReadKind Kind, IReadOnlyDictionary<MetricKind, long> Values, IReadOnlyList<DailyMetricValue> Daily, string? Message = null,
    TimeSpan? RetryAfter = null)
{
    public static MetricsRead Of(IReadOnlyDictionary<MetricKind, long> values, IReadOnlyList<DailyMetricValue>? daily = null) =>
        new(MetricsReadKind.Read, values, daily ?? []);

    public static MetricsRead Failed(MetricsReadKind kind, string? message, TimeSpan? retryAfter = null) => new(kind, new Dictionary<MetricKind, long>(), [], message, retryAfter);
}

/// <summary>A value a network reports for one day (Google Business Profile's daily metrics).</summary>
public sealed record DailyMetricValue(MetricKind Kind, DateOnly Day, long Value);

/// <summary>
/// One published post to read: the account it went out as, the network's id for it, the account's token, and the
/// permissions the network granted with it (space-separated; null when it did not say).
/// </summary>
public sealed record PostMetricsRequest(string AccountId, string PlatformPostId, string AccessToken, DateTimeOffset PublishedAt, string? GrantedScopes = null)
{
    public bool Grants(string scope) => GrantedScopes is { } granted && granted.Split(' ').Contains(scope, StringComparer.Ordinal);
}

/// <summary>An account to read (followers; daily metrics from <see cref="From"/> to <see cref="To"/> where the network has them).</summary>
public sealed record AccountMetricsRequest(string AccountId, string AccessToken, DateOnly From, DateOnly To);

/// <summary>Reads one network's metrics with its read API, speaking its wire format, without throwing for the network's answers.</summary>
public interface INetworkMetricsReader
{
    SocialPlatform Platform { get; }

    /// <summary>Whether the network reports metrics per post (Google Business Profile does not).</summary>
    bool HasPostMetrics { get; }

    /// <summary>Whether the network reports metrics of this account (followers, daily views) to this product.</summary>
    bool ReadsAccount(string accountId);

    Task<MetricsRead> ReadPostAsync(PostMetricsRequest request, CancellationToken cancellationToken);

    Task<MetricsRead> ReadAccountAsync(AccountMetricsRequest request, CancellationToken cancellationToken);
}

/// <summary>Starts a collection run soon, on whichever node of the cluster takes it (never two at once).</summary>
public interface IMetricsCollectionTrigger
{
    Task RunSoonAsync(CancellationToken cancellationToken);
}

/// <summary>Lays out the analytics report (totals, charts, networks, posts) as a PDF document.</summary>
public interface IAnalyticsPdfWriter
{
    byte[] Write(AnalyticsOverviewDto overview, IReadOnlyList<AnalyticsPostDto> posts, string workspace);
}
