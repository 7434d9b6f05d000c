using System.ComponentModel.DataAnnotations;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>Where one network's API and token endpoint are, and this product's OAuth client there.</summary>
public sealed class PlatformEndpointOptions
{
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>The OAuth 2.0 token endpoint for the refresh_token grant; no refresh when empty.</summary>
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }
}

/// <summary>Section <c>Publishing</c>: each network's endpoints (<c>Publishing:{Platform}:BaseUrl</c>, <c>...:TokenUrl</c>).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Publishing";

    [Required]
    public PlatformEndpointOptions LinkedIn { get; set; } = new()
    {
        BaseUrl = "https://api.linkedin.com",
        TokenUrl = "https://www.linkedin.com/oauth/v2/accessToken",
    };

    [Required]
    public PlatformEndpointOptions X { get; set; } = new() { BaseUrl = "https://api.x.com", TokenUrl = "https://api.x.com/2/oauth2/token" };

    /// <summary>The Graph API, version included; Page tokens do not expire, so no refresh by default.</summary>
    [Required]
    public PlatformEndpointOptions Facebook { get; set; } = new() { BaseUrl = "https://graph.facebook.com/v23.0" };

    [Required]
    public PlatformEndpointOptions Instagram { get; set; } = new() { BaseUrl = "https://graph.facebook.com/v23.0" };

    [Required]
    public PlatformEndpointOptions GoogleBusiness { get; set; } = new()
    {
        BaseUrl = "https://mybusiness.googleapis.com",
        TokenUrl = "https://oauth2.googleapis.com/token",
    };

    /// <summary>The <c>LinkedIn-Version</c> header (YYYYMM) of the versioned REST API.</summary>
    [Required]
    [RegularExpression("^[0-9]{6}$")]
    public string LinkedInVersion { get; set; } = "202510";

    /// <summary>How often a video container is polled before Instagram publishes it, and how long between polls.</summary>
    [Range(1, 120)]
    public int InstagramVideoPolls { get; set; } = 30;

    [Range(0.01, 60)]
    public double InstagramVideoPollSeconds { get; set; } = 2;

    public PlatformEndpointOptions For(SocialPlatform platform) => platform switch
    {
        SocialPlatform.LinkedIn => LinkedIn,
        SocialPlatform.X => X,
        SocialPlatform.Facebook => Facebook,
        SocialPlatform.Instagram => Instagram,
        SocialPlatform.GoogleBusiness => GoogleBusiness,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };
}
