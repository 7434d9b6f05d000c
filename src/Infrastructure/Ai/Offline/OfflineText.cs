namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>Small text helpers of the offline templates.</summary>
internal static class OfflineText
{
    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Clip(string? text, int max)
    {
        var clean = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max)
        {
            return clean;
        }

        var cut = clean.LastIndexOf(' ', max - 1);
        return clean[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>The text as the middle of a sentence: first letter lower-case (unless it looks like a name or acronym), no final stop.</summary>
    public static string Inline(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', '!', ' ');
        if (trimmed.Length > 1 && char.IsUpper(trimmed[0]) && char.IsLower(trimmed[1]))
        {
            return char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
        }

        return trimmed;
    }

    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') || trimmed.EndsWith('…') ? trimmed : trimmed + ".";
    }

    /// <summary>A hashtag from words: "Northwind Coffee" -> "#NorthwindCoffee".</summary>
    public static string? Hashtag(string? words)
    {
        var parts = (words ?? "").Split(' ', '&', '-', '/', ',', '.', '\'').Where(p => p.Length > 0 && p.All(char.IsLetterOrDigit)).ToList();
        return parts.Count == 0 ? null : "#" + string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
