using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Application.Analytics;

/// <summary>Section <c>Analytics</c>: how often metrics are collected, and how gently.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>How often the collection job looks for posts and accounts whose next reading is due.</summary>
    [Range(1, 86_400)]
    public double CollectIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// The most requests one run sends through one connection: well under each network's per-user limits (X's post
    /// lookup allows 900 per 15 minutes per user; LinkedIn and Graph a few thousand a day), so that publishing, which
    /// shares those limits, always has room. Posts left over are read on the next run.
    /// </summary>
    [Range(1, 10_000)]
    public int RequestsPerConnectionPerRun { get; set; } = 100;

    /// <summary>How long a connection rests after a rate-limit answer that names no wait.</summary>
    [Range(0.01, 1440)]
    public double DefaultPauseMinutes { get; set; } = 15;

    /// <summary>The Business Profile Performance API (<c>locations/{id}:fetchMultiDailyMetricsTimeSeries</c>).</summary>
    [Required]
    [Url]
    public string GoogleBusinessPerformanceUrl { get; set; } = "https://businessprofileperformance.googleapis.com";
}
