using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>The networks' own rules, checked when a post is scheduled.</summary>
public sealed partial class ContentItem
{
    /// <summary>Checks each variant against its network's limits; the error names the network, the limit and the field.</summary>
    /// <param name="assetTypes">The kinds of the media the variants name.</param>
    /// <param name="goesOutAt">When the post is to go out, for settings that must come after it (YouTube's publish time).</param>
    public void CheckPlatformRules(IReadOnlyDictionary<Guid, AssetType> assetTypes, DateTimeOffset? goesOutAt = null)
    {
        if (_variants.Count == 0)
        {
            throw new DomainRuleException("Add the text for at least one network.", "variants");
        }

        for (var i = 0; i < _variants.Count; i++)
        {
            var variant = _variants[i];
            var platform = variant.Platform;
            var length = platform.TextLength(variant.Text);
            if (length > platform.MaxTextLength())
            {
                throw new DomainRuleException(
                    platform switch
                    {
                        SocialPlatform.X => $"X allows at most {platform.MaxTextLength():N0} characters (links count 23, emoji and CJK characters 2); this text has {length:N0}.",
                        SocialPlatform.YouTube => $"A YouTube description takes at most {platform.MaxTextLength():N0} bytes (accented letters count 2, emoji 4); this text has {length:N0}.",
                        _ => $"{platform.DisplayName()} allows at most {platform.MaxTextLength():N0} characters; this text has {length:N0}.",
                    },
                    $"variants[{i}].text");
            }

            if (platform.RequiresMedia() &&
                !variant.MediaAssetIds.Any(id => assetTypes.TryGetValue(id, out var type) && type is AssetType.Image or AssetType.Video))
            {
                throw new DomainRuleException(
                    $"{platform.DisplayName()} needs at least one image or video (and at most {platform.MaxTextLength():N0} characters of text).",
                    $"variants[{i}].mediaAssetIds");
            }

            if (platform.RequiresVideo() &&
                (variant.MediaAssetIds.Count != 1 || !assetTypes.TryGetValue(variant.MediaAssetIds[0], out var only) || only != AssetType.Video))
            {
                throw new DomainRuleException($"A {platform.DisplayName()} post is one video: choose exactly one video and no images.", $"variants[{i}].mediaAssetIds");
            }

            CheckMediaKinds(platform, variant, assetTypes, i);
            CheckOptions(platform, variant, i, goesOutAt ?? ScheduledAt);
            CheckFollowUpLengths(platform, variant, i);
        }
    }

    private static void CheckMediaKinds(SocialPlatform platform, ContentVariant variant, IReadOnlyDictionary<Guid, AssetType> assetTypes, int index)
    {
        var types = variant.MediaAssetIds.Select(id => assetTypes.TryGetValue(id, out var type) ? type : (AssetType?)null).ToList();
        if (!platform.AcceptsVideo() && types.Contains(AssetType.Video))
        {
            throw new DomainRuleException($"{platform.DisplayName()} posts sent from here take images, not videos.", $"variants[{index}].mediaAssetIds");
        }

        if (platform.MaxMedia() is { } mostMedia && types.Count(t => t is AssetType.Image or AssetType.Video) > mostMedia)
        {
            throw new DomainRuleException(
                $"{platform.DisplayName()} takes {(mostMedia == 1 ? "one image or one video" : $"at most {mostMedia} images or videos")} in one post.",
                $"variants[{index}].mediaAssetIds");
        }

        if (platform.MaxImages() is { } most && types.Count(t => t == AssetType.Image) > most)
        {
            throw new DomainRuleException($"{platform.DisplayName()} takes at most {most} images in one post.", $"variants[{index}].mediaAssetIds");
        }
    }
}
