using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>Section <c>ApiKeys</c>: how workspace API keys are checked and metered.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>Requests a minute for a key that names no limit of its own.</summary>
    [Range(1, 1_000_000)]
    public int DefaultRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// How often the last-used time and address of keys are written: requests only note them in memory, so a busy key
    /// costs one small update per interval rather than one per request.
    /// </summary>
    [Range(1, 300)]
    public int UsageFlushSeconds { get; set; } = 15;
}
