using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Domain.Social;

/// <summary>Profile text as the networks count it, and cut to fit.</summary>
public static partial class ProfileText
{
    /// <summary>What a link counts on X, whatever its length: every URL is wrapped in a 23-character t.co link.</summary>
    public const int XLinkWeight = 23;

    /// <summary>
    /// The length the network counts. X weighs text (twitter-text v3): code points in U+0000-U+10FF, U+2000-U+200D,
    /// U+2010-U+201F and U+2032-U+2037 count 1, every other code point 2, a URL 23. Counting each code point on its
    /// own (twitter-text counts an emoji sequence as 2 in all) can only over-count, so a text that fits here fits on X.
    /// Other networks count characters; counting code points rather than user-perceived characters again only
    /// over-counts.
    /// </summary>
    public static int Count(SocialPlatform platform, string text)
    {
        if (platform != SocialPlatform.X)
        {
            return PlatformRules.CountCharacters(text);
        }

        var total = 0;
        var rest = text;
        foreach (Match link in Link().Matches(text))
        {
            total += Math.Max(XLinkWeight, Weighted(link.Value));
        }

        rest = Link().Replace(rest, "");
        return total + Weighted(rest);
    }

    private static int Weighted(string text)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            total += v <= 0x10FF || v is >= 0x2000 and <= 0x200D or >= 0x2010 and <= 0x201F or >= 0x2032 and <= 0x2037 ? 1 : 2;
        }

        return total;
    }

    /// <summary>
    /// The text within <paramref name="max"/> as <paramref name="platform"/> counts it: whitespace collapsed, and when
    /// too long shortened by whole sentences, else to its leading clauses (ended with a stop), and only when not even a
    /// clause fits cut at a word boundary (or inside a word too long to keep) with an ellipsis. Never trusts its input.
    /// </summary>
    public static (string Text, bool Shortened) Fit(SocialPlatform platform, string? text, int max)
    {
        var clean = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Count(platform, clean) <= max)
        {
            return (clean, false);
        }

        if (WholeSentencesOrClauses(platform, clean, max) is { } shortened)
        {
            return (shortened, true);
        }

        var ellipsis = Count(platform, "…");
        var kept = new StringBuilder();
        var used = 0;
        foreach (var rune in clean.EnumerateRunes())
        {
            var weight = Count(platform, rune.ToString());
            if (used + weight + ellipsis > max)
            {
                break;
            }

            kept.Append(rune.ToString());
            used += weight;
        }

        var cut = kept.ToString();
        var space = cut.LastIndexOf(' ');
        if (space > cut.Length / 2)
        {
            cut = cut[..space];
        }

        var result = cut.TrimEnd(' ', ',', ';', ':', '-') + "…";
        // A URL cut short can count more on X than its characters (23): drop words until the whole fits.
        while (Count(platform, result) > max && result.Length > 1)
        {
            var body = result[..^1].TrimEnd();
            var last = body.LastIndexOf(' ');
            result = (last > 0 ? body[..last] : body[..^1]).TrimEnd() + "…";
        }

        return (Count(platform, result) <= max ? result : "", true);
    }

    private static string? WholeSentencesOrClauses(SocialPlatform platform, string clean, int max)
    {
        // Sentence ends: a stop followed by a space; the longest run of leading sentences that fits.
        for (var end = clean.Length - 1; end > 0; end--)
        {
            if (clean[end] == ' ' && clean[end - 1] is '.' or '!' or '?' && Fits(platform, clean[..end], max))
            {
                return clean[..end];
            }
        }

        // One long sentence: its leading clauses, if they make at least three words.
        for (var end = clean.Length - 1; end > 0; end--)
        {
            if (clean[end] == ' ' && clean[end - 1] is ',' or ';' or ':')
            {
                var clause = clean[..(end - 1)].TrimEnd() + ".";
                if (clause.Split(' ').Length >= 3 && Fits(platform, clause, max))
                {
                    return clause;
                }
            }
        }

        return null;
    }

    // Both as the network counts (X weighs some characters double and links as 23) and in code points.
    private static bool Fits(SocialPlatform platform, string text, int max) => Count(platform, text) <= max && text.EnumerateRunes().Count() <= max;

    /// <summary>A display name within the network's limit, never empty while the name has a letter.</summary>
    public static string DisplayName(SocialPlatform platform, string name, int max) => Fit(platform, name, max).Text;

    /// <summary>The brand's initials: the first letter or digit of its first two words ("Northwind Coffee" -> "NC"); empty if none.</summary>
    public static string Initials(string name)
    {
        var letters = new List<string>();
        foreach (var word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var rune in word.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    letters.Add(Rune.ToUpperInvariant(rune).ToString());
                    break;
                }
            }

            if (letters.Count == 2)
            {
                break;
            }
        }

        return string.Concat(letters);
    }

    /// <summary>Words of a name in ASCII for handles: accents removed ("Café Ünïcode" -> "cafe", "unicode"), other scripts dropped.</summary>
    public static IReadOnlyList<string> AsciiWords(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|io|co|app|dev|ai|us|uk|de|fr|eu|info|biz|me|ly)\b\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
