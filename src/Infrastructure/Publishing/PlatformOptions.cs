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

    /// <summary>This product's OAuth client at the network; without it the network is "not configured" for connecting.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The authorisation endpoint the user's browser is sent to (authorisation code with PKCE).</summary>
    public string? AuthorizeUrl { get; set; }

    /// <summary>The scopes asked for, space-separated.</summary>
    public string? Scopes { get; set; }

    /// <summary>Where the accounts the token may publish as are found (LinkedIn userinfo, X users/me, Graph me/accounts, Google accounts).</summary>
    public string? AccountUrl { get; set; }
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
        AuthorizeUrl = "https://www.linkedin.com/oauth/v2/authorization",
        Scopes = "openid profile w_member_social",
        AccountUrl = "https://api.linkedin.com/v2/userinfo",
    };

    [Required]
    public PlatformEndpointOptions X { get; set; } = new()
    {
        BaseUrl = "https://api.x.com",
        TokenUrl = "https://api.x.com/2/oauth2/token",
        AuthorizeUrl = "https://x.com/i/oauth2/authorize",
        Scopes = "tweet.read tweet.write users.read media.write offline.access",
        AccountUrl = "https://api.x.com/2/users/me",
    };

    /// <summary>The Graph API, version included. Page tokens (what a connection keeps) do not expire: no refresh token.</summary>
    [Required]
    public PlatformEndpointOptions Facebook { get; set; } = new()
    {
        BaseUrl = "https://graph.facebook.com/v23.0",
        TokenUrl = "https://graph.facebook.com/v23.0/oauth/access_token",
        AuthorizeUrl = "https://www.facebook.com/v23.0/dialog/oauth",
        Scopes = "pages_show_list pages_manage_posts pages_read_engagement",
        AccountUrl = "https://graph.facebook.com/v23.0/me/accounts",
    };

    /// <summary>Instagram business accounts through Facebook Login: the account is the one linked to a Page.</summary>
    [Required]
    public PlatformEndpointOptions Instagram { get; set; } = new()
    {
        BaseUrl = "https://graph.facebook.com/v23.0",
        TokenUrl = "https://graph.facebook.com/v23.0/oauth/access_token",
        AuthorizeUrl = "https://www.facebook.com/v23.0/dialog/oauth",
        Scopes = "pages_show_list instagram_basic instagram_content_publish",
        AccountUrl = "https://graph.facebook.com/v23.0/me/accounts",
    };

    [Required]
    public PlatformEndpointOptions GoogleBusiness { get; set; } = new()
    {
        BaseUrl = "https://mybusiness.googleapis.com",
        TokenUrl = "https://oauth2.googleapis.com/token",
        AuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth",
        Scopes = "https://www.googleapis.com/auth/business.manage",
        AccountUrl = "https://mybusinessaccountmanagement.googleapis.com/v1/accounts",
    };

    /// <summary>
    /// Bluesky's AT Protocol service (XRPC under <c>/xrpc/</c>): the entryway that signs accounts hosted by Bluesky in with
    /// a handle and an app password (<c>com.atproto.server.createSession</c>) and takes their posts. No OAuth client.
    /// </summary>
    [Required]
    public PlatformEndpointOptions Bluesky { get; set; } = new() { BaseUrl = "https://bsky.social" };

    /// <summary>Threads (graph.threads.net), its own OAuth app (Threads use case of a Meta app); scopes are comma-separated.</summary>
    [Required]
    public PlatformEndpointOptions Threads { get; set; } = new()
    {
        BaseUrl = "https://graph.threads.net/v1.0",
        TokenUrl = "https://graph.threads.net/oauth/access_token",
        AuthorizeUrl = "https://threads.net/oauth/authorize",
        Scopes = "threads_basic,threads_content_publish",
        AccountUrl = "https://graph.threads.net/v1.0/me",
    };

    /// <summary>
    /// Pinterest API v5 (paths under <c>/v5/</c> of the base address). OAuth with the client secret as HTTP Basic at the
    /// token endpoint (Pinterest offers no PKCE); scopes are comma-separated; access tokens last 30 days and are renewed
    /// with the refresh token (a year).
    /// </summary>
    [Required]
    public PlatformEndpointOptions Pinterest { get; set; } = new()
    {
        BaseUrl = "https://api.pinterest.com",
        TokenUrl = "https://api.pinterest.com/v5/oauth/token",
        AuthorizeUrl = "https://www.pinterest.com/oauth/",
        Scopes = "boards:read,pins:read,pins:write,user_accounts:read",
        AccountUrl = "https://api.pinterest.com/v5/user_account",
    };

    /// <summary>
    /// YouTube Data API v3 through Google's OAuth (PKCE, offline access for a refresh token): uploads go to
    /// <c>{BaseUrl}/upload/youtube/v3/videos</c>; the account is the channel of <c>channels?part=snippet&amp;mine=true</c>.
    /// </summary>
    [Required]
    public PlatformEndpointOptions YouTube { get; set; } = new()
    {
        BaseUrl = "https://www.googleapis.com",
        TokenUrl = "https://oauth2.googleapis.com/token",
        AuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth",
        Scopes = "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly",
        AccountUrl = "https://www.googleapis.com/youtube/v3/channels?part=snippet&mine=true",
    };

    /// <summary>
    /// TikTok's Content Posting API (open.tiktokapis.com) and Login Kit v2 for the web: the client is named
    /// <c>client_key</c>, scopes are comma-separated, and the web flow has no PKCE (the client secret binds the code).
    /// Access tokens last a day and are renewed with the refresh token (a year).
    /// </summary>
    [Required]
    public PlatformEndpointOptions TikTok { get; set; } = new()
    {
        BaseUrl = "https://open.tiktokapis.com",
        TokenUrl = "https://open.tiktokapis.com/v2/oauth/token/",
        AuthorizeUrl = "https://www.tiktok.com/v2/auth/authorize/",
        Scopes = "user.info.basic,video.publish",
        AccountUrl = "https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name",
    };

    /// <summary>
    /// TikTok fetches videos by their signed link (<c>PULL_FROM_URL</c>) instead of receiving them in chunks
    /// (<c>FILE_UPLOAD</c>, the default): only for a storage domain verified in TikTok's developer portal.
    /// </summary>
    public bool TikTokPullFromUrl { get; set; }

    /// <summary>The Business Information API, where an account's locations are listed (<c>{account}/locations</c>).</summary>
    [Required]
    [Url]
    public string GoogleLocationsUrl { get; set; } = "https://mybusinessbusinessinformation.googleapis.com/v1";

    /// <summary>
    /// The API's public address for OAuth redirect URIs (<c>{it}/api/v1/social/connect/{platform}/callback</c>), as
    /// registered at each network; empty: the address the request came in on (behind the trusted proxies).
    /// </summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>The <c>LinkedIn-Version</c> header (YYYYMM) of the versioned REST API.</summary>
    [Required]
    [RegularExpression("^[0-9]{6}$")]
    public string LinkedInVersion { get; set; } = "202510";

    /// <summary>
    /// How often a video still being processed by the network is polled (Instagram and Threads containers, Pinterest
    /// media), and how long between polls.
    /// </summary>
    [Range(1, 120)]
    public int InstagramVideoPolls { get; set; } = 30;

    [Range(0.01, 60)]
    public double InstagramVideoPollSeconds { get; set; } = 2;

    /// <summary>
    /// How long an upload to LinkedIn or X waits for the network to finish processing a video; past it the post is tried
    /// again later (its media uploaded again), never posted with a video that is not ready.
    /// </summary>
    [Range(1, 7200)]
    public double MediaProcessingTimeoutSeconds { get; set; } = 900;

    public PlatformEndpointOptions For(SocialPlatform platform) => platform switch
    {
        SocialPlatform.LinkedIn => LinkedIn,
        SocialPlatform.X => X,
        SocialPlatform.Facebook => Facebook,
        SocialPlatform.Instagram => Instagram,
        SocialPlatform.GoogleBusiness => GoogleBusiness,
        SocialPlatform.Bluesky => Bluesky,
        SocialPlatform.Threads => Threads,
        SocialPlatform.Pinterest => Pinterest,
        SocialPlatform.YouTube => YouTube,
        SocialPlatform.TikTok => TikTok,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };
}
