using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Domain.Social;

/// <summary>The networks the product publishes to.</summary>
public enum SocialPlatform
{
    LinkedIn,
    X,
    Facebook,
    Instagram,
    GoogleBusiness,
    Bluesky,
    Threads,
    Pinterest,
    YouTube,
    TikTok,
}

/// <summary>What each network accepts in one post: checked when a post is scheduled, not only when it is sent.</summary>
public static class PlatformRules
{
    public static string DisplayName(this SocialPlatform platform) => platform switch
    {
        SocialPlatform.LinkedIn => "LinkedIn",
        SocialPlatform.X => "X",
        SocialPlatform.Facebook => "Facebook",
        SocialPlatform.Instagram => "Instagram",
        SocialPlatform.GoogleBusiness => "Google Business Profile",
        SocialPlatform.Bluesky => "Bluesky",
        SocialPlatform.Threads => "Threads",
        SocialPlatform.Pinterest => "Pinterest",
        SocialPlatform.YouTube => "YouTube",
        SocialPlatform.TikTok => "TikTok",
        _ => platform.ToString(),
    };

    /// <summary>The longest text the network takes, in characters (Unicode code points).</summary>
    public static int MaxTextLength(this SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => 280,
        SocialPlatform.LinkedIn => 3_000,
        SocialPlatform.Instagram => 2_200,
        SocialPlatform.Facebook => 63_206,
        SocialPlatform.GoogleBusiness => 1_500,
        // app.bsky.feed.post's text: maxGraphemes 300 (and maxLength 3000 bytes, which 300 graphemes rarely reach).
        SocialPlatform.Bluesky => 300,
        // Threads API, "Create posts": text posts are limited to 500 characters.
        SocialPlatform.Threads => 500,
        // A pin's description: Pinterest Help "Add a title and description to your Pin" (description up to 500
        // characters, title up to 100: PostOptions.MaxTitleLength).
        SocialPlatform.Pinterest => 500,
        // A video's description: YouTube Data API v3, videos resource, snippet.description "maximum length of 5000
        // bytes" (counted in UTF-8 bytes, see TextLength); the title (100 characters) is PostOptions.Title.
        SocialPlatform.YouTube => 5_000,
        // A video's caption: Content Posting API, "Direct Post" post_info.title "max length 2200 in UTF-16 runes".
        SocialPlatform.TikTok => 2_200,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>Instagram has no text-only posts, and a pin is an image or a video: a post needs one.</summary>
    public static bool RequiresMedia(this SocialPlatform platform) => platform is SocialPlatform.Instagram or SocialPlatform.Pinterest;

    /// <summary>Video networks: a post is exactly one video (its text is the video's description or caption).</summary>
    public static bool RequiresVideo(this SocialPlatform platform) => platform is SocialPlatform.YouTube or SocialPlatform.TikTok;

    /// <summary>The most media one post carries where the network has a limit: a pin is one image or one video.</summary>
    public static int? MaxMedia(this SocialPlatform platform) => platform == SocialPlatform.Pinterest ? 1 : null;

    /// <summary>
    /// YouTube shows a vertical or square video of up to three minutes as a Short (YouTube Help "Upload YouTube Shorts":
    /// up to 3 minutes since 15 October 2024); it decides this from the video itself.
    /// </summary>
    public const int YouTubeShortsMaxSeconds = 180;

    /// <summary>Characters as the networks count them: code points, so an emoji is one and not two UTF-16 units.</summary>
    public static int CountCharacters(string text) => text.EnumerateRunes().Count();

    /// <summary>User-perceived characters (extended grapheme clusters): a family emoji or a flag is one.</summary>
    public static int CountGraphemes(string text) => new StringInfo(text.Normalize(NormalizationForm.FormC)).LengthInTextElements;

    /// <summary>
    /// The text's length as <paramref name="platform"/> counts it against <see cref="MaxTextLength"/>: X weighs it,
    /// Bluesky counts graphemes (its lexicon's maxGraphemes), YouTube UTF-8 bytes, the others count code points.
    /// </summary>
    public static int TextLength(this SocialPlatform platform, string text) => platform switch
    {
        SocialPlatform.X => XText.WeightedLength(text),
        SocialPlatform.Bluesky => CountGraphemes(text),
        SocialPlatform.YouTube => Encoding.UTF8.GetByteCount(text),
        _ => CountCharacters(text),
    };

    /// <summary>The most images one post carries, where the network has a limit (Bluesky's app.bsky.embed.images: 4).</summary>
    public static int? MaxImages(this SocialPlatform platform) => platform == SocialPlatform.Bluesky ? 4 : null;

    /// <summary>Whether the network takes a video in a post this product sends.</summary>
    public static bool AcceptsVideo(this SocialPlatform platform) => platform != SocialPlatform.Bluesky;
}

/// <summary>
/// X's weighted length (twitter-text v3): the text in NFC, each link counts 23 whatever its length, each character
/// (grapheme cluster, so an emoji sequence is one) counts 1 in Latin and the other scripts below U+1100 and in a few
/// punctuation ranges, and 2 otherwise (CJK, emoji). The SPA counts with the same rules (client/src/features/calendar/limits.ts).
/// </summary>
public static partial class XText
{
    public const int LinkWeight = 23;

    public static int WeightedLength(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var total = 0;
        var last = 0;
        foreach (Match link in Link().Matches(normalized))
        {
            total += CharactersWeight(normalized[last..link.Index]) + LinkWeight;
            last = link.Index + link.Length;
        }

        return total + CharactersWeight(normalized[last..]);
    }

    /// <summary>Weight 1 for these code points (twitter-text's ranges), 2 for any other.</summary>
    public static bool IsLight(int codePoint) =>
        codePoint <= 0x10FF || codePoint is >= 0x2000 and <= 0x200D or >= 0x2010 and <= 0x201F or >= 0x2032 and <= 0x2037;

    private static int CharactersWeight(string text)
    {
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            total += IsLight(Rune.GetRuneAt(text, elements.ElementIndex).Value) ? 1 : 2;
        }

        return total;
    }

    // A link runs from http(s):// to the next space, without the punctuation that ends a sentence after it.
    [GeneratedRegex("""https?://\S+?(?=[.,!?;:)\]'"]*(?:\s|$))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
