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

    /// <summary>This server's Google OAuth client (a web application client); without it Drive is "not available on this server".</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    [Required]
    [Url]
    public string AuthorizeUrl { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";

    [Required]
    [Url]
    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";

    /// <summary>
    /// What is asked of the user: read access to their Drive (<c>drive.readonly</c>), which folder sync needs; see
    /// docs/google-drive.md for why not <c>drive.file</c>.
    /// </summary>
    [Required]
    public string Scope { get; set; } = "https://www.googleapis.com/auth/drive.readonly";

    /// <summary>
    /// The API's public address for the OAuth redirect URI (<c>{it}/api/v1/drive/connect/callback</c>), as registered at
    /// Google; empty: the address the request came in on.
    /// </summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>How often imported folders kept in sync read Drive's changes.</summary>
    [Range(1, 86400)]
    public double SyncIntervalSeconds { get; set; } = 300;
}
