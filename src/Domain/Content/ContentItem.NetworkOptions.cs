using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>The settings only some networks have (<see cref="PostOptions"/>), checked when a post is scheduled.</summary>
public sealed partial class ContentItem
{
    private static void CheckOptions(SocialPlatform platform, ContentVariant variant, int index, DateTimeOffset? goesOutAt)
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
            case SocialPlatform.YouTube:
                CheckYouTube(variant, options, index, goesOutAt);
                break;
            case SocialPlatform.TikTok when options.Privacy is null || !PostOptions.TikTokPrivacies.Contains(options.Privacy):
                // The Content Posting API has no default: the creator chooses who sees each post, among their account's options.
                throw new DomainRuleException("Choose who can see the video on TikTok.", Field("privacy"));
        }
    }

    /// <summary>
    /// YouTube Data API v3, videos resource: a title (1 to 100 characters), no &lt; or &gt; in the title or description, tags
    /// of 500 characters in all, a privacy status, and a publish time only for a private video, which YouTube makes public then.
    /// </summary>
    private static void CheckYouTube(ContentVariant variant, PostOptions options, int index, DateTimeOffset? goesOutAt)
    {
        string Field(string name) => $"variants[{index}].options.{name}";
        if (string.IsNullOrWhiteSpace(options.Title))
        {
            throw new DomainRuleException("Give the YouTube video a title.", Field("title"));
        }

        if (options.Title.AsSpan().IndexOfAny('<', '>') >= 0 || variant.Text.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            throw new DomainRuleException("YouTube does not take the characters < and > in a title or description.",
                options.Title.AsSpan().IndexOfAny('<', '>') >= 0 ? Field("title") : $"variants[{index}].text");
        }

        if (options.Privacy is null || !PostOptions.YouTubePrivacies.Contains(options.Privacy))
        {
            throw new DomainRuleException("Choose who can watch the video on YouTube: public, unlisted or private.", Field("privacy"));
        }

        if (options.Tags is { Count: > 0 } tags && PostOptions.YouTubeTagLength(tags) > PostOptions.MaxYouTubeTagCharacters)
        {
            throw new DomainRuleException(
                $"YouTube takes at most {PostOptions.MaxYouTubeTagCharacters} characters of tags in all (a comma between two counts, and quotes around a tag with a space); these have {PostOptions.YouTubeTagLength(tags)}.",
                Field("tags"));
        }

        if (options.PublishAt is { } publishAt)
        {
            if (options.Privacy != "private")
            {
                throw new DomainRuleException("A video to go public later is uploaded as private: choose private, or no publish time.", Field("privacy"));
            }

            if (goesOutAt is { } upload && publishAt <= upload)
            {
                throw new DomainRuleException("The time the video goes public must come after the time it is uploaded.", Field("publishAt"));
            }
        }
    }

    private static bool IsWebLink(string link) =>
        link.Length <= PostOptions.MaxLinkLength && Uri.TryCreate(link, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
