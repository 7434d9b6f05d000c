using BrandAutomator.Domain.Links;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Links;

/// <summary>A short link of a post: where it was written to go, where it goes with its UTM parameters, and its clicks.</summary>
public sealed record ShortLinkDto(
    string Code, string ShortUrl, Guid ContentItemId, SocialPlatform Platform, string PlatformName, string OriginalUrl, string TargetUrl,
    long Clicks, DateTimeOffset? LastClickedAt, DateTimeOffset CreatedAt)
{
    public static ShortLinkDto From(ShortLink link, string prefix) => new(
        link.Code, prefix + link.Code, link.ContentItemId, link.Platform, link.Platform.DisplayName(), link.OriginalUrl, link.TargetUrl,
        link.Clicks, link.LastClickedAt, link.CreatedAt);
}

/// <summary>
/// A post's link tracking: whether its links are shortened when it is published, the campaign they carry (or the one
/// used when none is set), and the short links made so far with their clicks.
/// </summary>
public sealed record PostLinksDto(
    Guid ContentItemId, bool ShortenLinks, string? Campaign, string DefaultCampaign, long TotalClicks, IReadOnlyList<ShortLinkDto> Links);

public sealed record ShortLinkListDto(long TotalClicks, IReadOnlyList<ShortLinkDto> Items);
