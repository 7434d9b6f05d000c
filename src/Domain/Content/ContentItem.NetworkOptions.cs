using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>The settings only some networks have (<see cref="PostOptions"/>), checked when a post is scheduled.</summary>
public sealed partial class ContentItem
{
    private static void CheckOptions(
        SocialPlatform platform, ContentVariant variant, IReadOnlyDictionary<Guid, AssetType> assetTypes, int index, DateTimeOffset? goesOutAt)
    {
        var options = variant.Options ?? PostOptions.Empty;
        var name = platform.DisplayName();
        string Field(string field) => $"variants[{index}].options.{field}";
        if (options.Title is { } title && PlatformRules.CountCharacters(title) > PostOptions.MaxTitleLength)
        {
            throw new DomainRuleException($"A {name} title takes at most {PostOptions.MaxTitleLength} characters; this one has {PlatformRules.CountCharacters(title):N0}.", Field("title"));
        }

        switch (platform)
        {
            case SocialPlatform.Pinterest:
                if (string.IsNullOrWhiteSpace(options.BoardId))
                {
                    throw new DomainRuleException("Choose the Pinterest board the pin goes to.", Field("boardId"));
                }

                if (options.Link is { Length: > 0 } link && !IsWebLink(link))
                {
                    throw new DomainRuleException("The pin's link must be a web address starting with https:// or http://.", Field("link"));
                }

                break;
        }
    }

    private static bool IsWebLink(string link) =>
        link.Length <= PostOptions.MaxLinkLength && Uri.TryCreate(link, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
