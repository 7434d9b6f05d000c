using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// Notices a document that says of itself, in its name or opening lines, that it no longer counts ("superseded",
/// "archived", "outdated", "replaced by", "no longer valid"...), so the files page can propose archiving it. Only a
/// suggestion: the user decides.
/// </summary>
public static partial class ArchiveHints
{
    // The title and first lines: a document announces its status up front; the same words further in are about something else.
    private const int OpeningLength = 400;

    /// <summary>Why the document looks no longer valid, quoting it; null when nothing says so.</summary>
    public static string? Find(string name, string? text)
    {
        if (Marker().Match(name) is { Success: true })
        {
            return $"Its name says it is no longer current: “{name.Trim()}”.";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var opening = text.Length > OpeningLength ? text[..OpeningLength] : text;
        foreach (var line in opening.Split(['\n', '\f'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Marker().IsMatch(line))
            {
                var quote = line.TrimStart('#', ' ', '*', '>', '_').TrimEnd('*', '_', ' ');
                quote = quote.Length > 140 ? quote[..140].TrimEnd() + "…" : quote;
                return $"Its opening lines say it is no longer current: “{quote}”.";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(superseded|supersedes?d?\s+by|archived?|outdated|out of date|obsolete|deprecated|replaced\s+by|no\s+longer\s+(valid|current|in\s+(use|effect|force)|applies|applicable))\b|\bdo\s+not\s+use\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
