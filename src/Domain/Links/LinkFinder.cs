using System.Text.RegularExpressions;

namespace BrandAutomator.Domain.Links;

/// <summary>Finds the web addresses (http and https) in a post's text, without the punctuation that ends a sentence.</summary>
public static partial class LinkFinder
{
    public static IReadOnlyList<string> Find(string text) =>
        Url().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"', '»', '…'))
            .Where(u => u.Length is > 10 and <= ShortLink.MaxUrlLength && Uri.TryCreate(u, UriKind.Absolute, out var parsed) &&
                parsed.Scheme is "http" or "https" && parsed.Host.Contains('.', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The text with each address replaced, longest first so that an address inside another is left alone.</summary>
    public static string Replace(string text, IReadOnlyDictionary<string, string> replacements)
    {
        if (replacements.Count == 0)
        {
            return text;
        }

        var pattern = string.Join('|', replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        return Regex.Replace(text, $"(?<![\\w/])(?:{pattern})(?![\\w/?=&%#-])", m => replacements[m.Value], RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
