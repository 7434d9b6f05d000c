using System.ComponentModel.DataAnnotations;

namespace BrandAutomator.Infrastructure.Drive;

/// <summary>The Google Drive API (<c>GoogleDrive</c> section). The address is configurable so tests talk to a local fake.</summary>
public sealed class GoogleDriveOptions
{
    public const string Section = "GoogleDrive";

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com";

    /// <summary>Tries per request when Drive answers "rate limit exceeded" (403 or 429) or a 5xx, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first backoff's ceiling; each retry doubles it (full jitter), up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(1, 60_000)]
    public int BaseRetryDelayMilliseconds { get; set; } = 1000;

    [Range(1, 300)]
    public int MaxRetryDelaySeconds { get; set; } = 32;

    /// <summary>How long one metadata call may take; downloads are bounded by their read progress instead.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;
}
