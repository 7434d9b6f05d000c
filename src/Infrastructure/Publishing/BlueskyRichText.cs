using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Infrastructure.Publishing;

public enum BlueskyFacetKind
{
    Link,
    Mention,
    Tag,
}

/// <summary>
/// One rich-text facet of a Bluesky post: where it is, as UTF-8 byte offsets into the text (byteEnd exclusive), and
/// what it is: a link's URI, a mention's handle (resolved to a DID before sending) or a hashtag without its '#'.
/// </summary>
public sealed record BlueskyFacetSpan(int ByteStart, int ByteEnd, BlueskyFacetKind Kind, string Value);

/// <summary>
/// Finds the links, mentions and hashtags of a post's text as app.bsky.richtext.facet wants them (docs.bsky.app,
/// "Links, mentions, and rich text", and the app's own detection): the offsets count UTF-8 bytes, not
/// UTF-16 units or characters, so an emoji before a link moves it by four bytes, not two units or one character.
/// </summary>
public static partial class BlueskyRichText
{
    /// <summary>A hashtag's longest tag, in characters, without the '#' (the app's own limit).</summary>
    public const int MaxTagLength = 64;

    public static IReadOnlyList<BlueskyFacetSpan> Find(string text)
    {
        var spans = new List<BlueskyFacetSpan>();
        foreach (Match m in Link().Matches(text))
        {
            var url = m.Groups["url"];
            // As the app does: sentence punctuation after a link ends the sentence, and so does a ")" the link never opened.
            var value = url.Value.TrimEnd('.', ',', ';', ':', '!', '?');
            if (value.EndsWith(')') && !value.Contains('(', StringComparison.Ordinal))
            {
                value = value[..^1];
            }

            spans.Add(Span(text, url.Index, value.Length, BlueskyFacetKind.Link, value));
        }

        foreach (Match m in Mention().Matches(text))
        {
            var mention = m.Groups["mention"];
            spans.Add(Span(text, mention.Index, mention.Length, BlueskyFacetKind.Mention, mention.Value[1..]));
        }

        foreach (Match m in Tag().Matches(text))
        {
            var group = m.Groups["tag"];
            // Trailing punctuation ends a sentence, not the tag ("#coffee." tags "coffee").
            var tag = TrailingPunctuation().Replace(group.Value, "");
            var name = tag[1..];
            if (name.Length is 0 or > MaxTagLength || name.All(char.IsAsciiDigit))
            {
                continue;
            }

            spans.Add(Span(text, group.Index, tag.Length, BlueskyFacetKind.Tag, name));
        }

        // A mention or tag inside a link (https://x.com/@a#b) is part of the link.
        var links = spans.Where(s => s.Kind == BlueskyFacetKind.Link).ToList();
        return spans.Where(s => s.Kind == BlueskyFacetKind.Link || !links.Any(l => s.ByteStart < l.ByteEnd && l.ByteStart < s.ByteEnd))
            .OrderBy(s => s.ByteStart).ToList();
    }

    /// <summary>The UTF-8 byte offset of UTF-16 index <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static BlueskyFacetSpan Span(string text, int index, int length, BlueskyFacetKind kind, string value)
    {
        var start = ByteOffset(text, index);
        return new BlueskyFacetSpan(start, start + Encoding.UTF8.GetByteCount(text.AsSpan(index, length)), kind, value);
    }

    // The app's own pattern (@atproto/api RichText.detectFacets): http(s):// after the start, a space or "(", up to the next space.
    [GeneratedRegex(@"(?:^|\s|\()(?<url>https?://\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // docs.bsky.app's handle pattern: domain labels, a TLD that starts with a letter.
    [GeneratedRegex(@"(?:^|\W)(?<mention>@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    // A '#' after the start or whitespace, then anything up to the next whitespace, not starting with a digit.
    [GeneratedRegex(@"(?:^|\s)(?<tag>#[^\d\s]\S*)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\p{P}+$")]
    private static partial Regex TrailingPunctuation();
}
