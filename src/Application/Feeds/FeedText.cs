using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Feeds;

/// <summary>Turns a feed item into a post's text with the feed's template, and keys items for deduplication.</summary>
internal static class FeedText
{
    private const int SummaryLength = 280;

    /// <summary>The item's key: its GUID or id when it has one, else its link, else its title (SHA-256, hex).</summary>
    public static string? KeyOf(FetchedItem item)
    {
        var identity = !string.IsNullOrWhiteSpace(item.Id) ? "id:" + item.Id.Trim()
            : !string.IsNullOrWhiteSpace(item.Link) ? "link:" + item.Link.Trim()
            : !string.IsNullOrWhiteSpace(item.Title) ? "title:" + item.Title.Trim()
            : null;
        return identity is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>
    /// The template with the item's title, link and summary; where the result is over the network's limit the summary is
    /// shortened (at a word) until it fits, then dropped; the title and link are never cut.
    /// </summary>
    public static string Render(string template, FetchedItem item, SocialPlatform platform)
    {
        var summary = Shorten(item.Summary, SummaryLength);
        while (true)
        {
            var text = template.Replace("{title}", item.Title.Trim(), StringComparison.Ordinal)
                .Replace("{link}", item.Link?.Trim() ?? "", StringComparison.Ordinal)
                .Replace("{summary}", summary, StringComparison.Ordinal);
            text = Tidy(text);
            if (platform.TextLength(text) <= platform.MaxTextLength() || summary.Length == 0)
            {
                return text;
            }

            summary = summary.Length <= 20 ? "" : Shorten(summary, summary.Length - 20);
        }
    }

    private static string Shorten(string text, int max)
    {
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max)
        {
            return clean;
        }

        var cut = clean.LastIndexOf(' ', Math.Max(0, max - 1));
        return (cut > max / 2 ? clean[..cut] : clean[..(max - 1)]).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    // Blank lines left by an empty placeholder collapse to one.
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim();
    }
}
