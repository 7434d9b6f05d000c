using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Links;

/// <summary>
/// A link of a published post, shortened to our own redirect <c>/l/{Code}</c>. It lives in the catalog, because a
/// click names no tenant until its code is found; the row carries the tenant and the post it belongs to. The original
/// address is kept as written, the target is that address with the network's UTM parameters.
/// </summary>
public sealed class ShortLink
{
    public const int CodeLength = 10;
    public const int MaxUrlLength = 2_048;

    private ShortLink()
    {
    }

    /// <summary>10 random base-62 characters (59 bits): not guessable, and short enough for a post.</summary>
    public string Code { get; private set; } = "";

    public Guid TenantId { get; private set; }

    public Guid ContentItemId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    /// <summary>The address as the post's author wrote it.</summary>
    public string OriginalUrl { get; private set; } = "";

    /// <summary>Where the redirect goes: the original address with utm_source, utm_medium, utm_campaign and utm_content.</summary>
    public string TargetUrl { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Clicks by people (crawlers, link previews and HEAD requests are not counted).</summary>
    public long Clicks { get; private set; }

    public DateTimeOffset? LastClickedAt { get; private set; }

    public static ShortLink Create(
        string code, Guid tenantId, Guid contentItemId, SocialPlatform platform, string originalUrl, string targetUrl, DateTimeOffset now) =>
        new()
        {
            Code = code, TenantId = tenantId, ContentItemId = contentItemId, Platform = platform, OriginalUrl = originalUrl,
            TargetUrl = targetUrl, CreatedAt = now,
        };
}

/// <summary>Clicks of one short link on one UTC day: the series analytics aggregates.</summary>
public sealed class ShortLinkClickDay
{
    private ShortLinkClickDay()
    {
    }

    public string Code { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public long Clicks { get; private set; }
}
