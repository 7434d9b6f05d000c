using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>One passage of a document for search: its place in the document, its text, and its page when known.</summary>
public sealed record TextChunk(int Ordinal, string Text, int? Page);

/// <summary>
/// Splits extracted text into passages of about <see cref="TargetLength"/> characters and never more than
/// <see cref="MaxLength"/>: at paragraph boundaries first, then sentences, then words, and only as a last resort in
/// the middle of a word. Each passage after the first on a page repeats the previous one's last sentence, so a fact
/// that straddles a boundary is still found whole. Passages never cross a page (form feed) so their page is exact.
/// </summary>
public static partial class TextChunker
{
    public const int TargetLength = 800;
    public const int MaxLength = 1200;

    /// <summary>What separates pages in extracted text (a form feed).</summary>
    public const char PageBreak = '\f';

    // Long enough to carry context, short enough to leave most of a passage for new text.
    private const int MaxOverlapLength = 200;

    /// <summary>Passages numbered from 0; pages numbered from 1 when the text contains form feeds, otherwise null.</summary>
    public static IReadOnlyList<TextChunk> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var paged = normalised.Contains(PageBreak, StringComparison.Ordinal);
        var pages = normalised.Split(PageBreak);
        var chunks = new List<TextChunk>();
        for (var index = 0; index < pages.Length; index++)
        {
            int? page = paged ? index + 1 : null;
            foreach (var passage in SplitPage(pages[index]))
            {
                chunks.Add(new TextChunk(chunks.Count, passage, page));
            }
        }

        return chunks;
    }

    private static IEnumerable<string> SplitPage(string page)
    {
        var current = new StringBuilder();
        string? lastSentence = null;
        foreach (var unit in Units(page))
        {
            var separator = current.Length == 0 ? 0 : 2;
            if (current.Length + separator + unit.Length <= TargetLength
                || (current.Length < TargetLength / 2 && current.Length + separator + unit.Length <= MaxLength))
            {
                Append(current, unit);
                lastSentence = LastSentence(unit);
                continue;
            }

            if (current.Length > 0)
            {
                var finished = current.ToString();
                yield return finished;
                current.Clear();
                if (lastSentence is { Length: <= MaxOverlapLength } overlap && overlap.Length < finished.Length
                    && overlap.Length + 2 + unit.Length <= MaxLength)
                {
                    current.Append(overlap);
                }
            }

            Append(current, unit);
            lastSentence = LastSentence(unit);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static void Append(StringBuilder current, string unit)
    {
        if (current.Length > 0)
        {
            current.Append("\n\n");
        }

        current.Append(unit);
    }

    /// <summary>Paragraphs that fit; longer ones as sentences; longer sentences as word runs; every unit within the maximum.</summary>
    private static IEnumerable<string> Units(string page)
    {
        foreach (var raw in ParagraphBreak().Split(page))
        {
            var paragraph = Whitespace().Replace(raw, " ").Trim();
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (paragraph.Length <= MaxLength)
            {
                yield return paragraph;
                continue;
            }

            foreach (var sentence in Sentences(paragraph))
            {
                if (sentence.Length <= MaxLength)
                {
                    yield return sentence;
                    continue;
                }

                foreach (var piece in Pieces(sentence))
                {
                    yield return piece;
                }
            }
        }
    }

    private static IEnumerable<string> Sentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string LastSentence(string unit) => SentenceEnd().Split(unit)[^1].Trim();

    // A sentence longer than the maximum: cut at the last space before the target, else at the target itself,
    // never between the two halves of a surrogate pair.
    private static IEnumerable<string> Pieces(string sentence)
    {
        var rest = sentence;
        while (rest.Length > MaxLength)
        {
            var cut = rest.LastIndexOf(' ', TargetLength);
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(rest[TargetLength - 1]) ? TargetLength - 1 : TargetLength;
            }

            yield return rest[..cut].Trim();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"[ \t\u00A0]*\n[ \t\u00A0]*|[ \t\u00A0]{2,}")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?。！？])\s+")]
    private static partial Regex SentenceEnd();
}
