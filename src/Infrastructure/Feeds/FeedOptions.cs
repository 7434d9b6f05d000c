using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Feeds;

/// <summary>Section <c>Feeds</c>: how RSS and Atom feeds are read.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>
    /// Whether feeds at private, loopback and link-local addresses may be read. Unset: no in Production (a feed address
    /// must not reach the servers' own network), yes elsewhere (local test feeds).
    /// </summary>
    public bool? AllowPrivateAddresses { get; set; }

    /// <summary>How long one read of a feed may take.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>The largest feed document read.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How often the clustered job looks for feeds that are due (each feed keeps its own interval).</summary>
    [Range(1, 3600)]
    public double PollIntervalSeconds { get; set; } = 60;
}
