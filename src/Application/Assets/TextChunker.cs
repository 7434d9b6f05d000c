using System.Text;
using System.Text.RegularExpressions;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// One passage of a document for search: its place in the document, its text, its page when known, and the headings it
/// sits under (outermost first, joined by <see cref="TextChunker.HeadingSeparator"/>; null when it has none).
/// </summary>
public sealed record TextChunk(int Ordinal, string Text, int? Page, string? Heading = null);

/// <summary>
/// Splits extracted text into passages that keep the document's structure, of about <see cref="TargetLength"/> characters
/// and never more than <see cref="MaxLength"/>:
/// <list type="bullet">
/// <item>a passage never spans two sections: each carries the path of headings above it (markdown <c>#</c> headings, which
/// the extractors also write for .docx heading styles, and for plain text and PDF short title-like lines standing alone);</item>
/// <item>markdown lists and tables stay whole; one longer than the maximum is split between items or rows, a table's
/// header row repeated at the top of every piece, so a price row is always read with its column names;</item>
/// <item>paragraphs are packed whole; a longer one is split between sentences, and only a single sentence longer than the
/// maximum is cut between words (in the middle of a word only when it has no spaces).</item>
/// </list>
/// Passages never cross a page (form feed), so their page is exact.
/// </summary>
public static partial class TextChunker
{
    public const int TargetLength = 800;
    public const int MaxLength = 1200;

    /// <summary>
    /// The passage format: heading paths, whole lists and tables, no overlap. Assets indexed with an older one are
    /// re-indexed in the background; bump it whenever passages or their embeddings would come out differently.
    /// </summary>
    public const int Version = 2;

    /// <summary>What separates pages in extracted text (a form feed).</summary>
    public const char PageBreak = '\f';

    /// <summary>Joins the headings of a path: "Brand guide › Colours".</summary>
    public const string HeadingSeparator = " › ";

    private const int MaxHeadingLength = 120;
    private const int MaxHeadingWords = 12;

    /// <summary>Passages numbered from 0; pages numbered from 1 when the text contains form feeds, otherwise null.</summary>
    public static IReadOnlyList<TextChunk> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var paged = normalised.Contains(PageBreak, StringComparison.Ordinal);
        var pages = normalised.Split(PageBreak);
        var chunks = new List<TextChunk>();
        var headings = new List<(int Level, string Text)>();
        var firstBlock = true;
        for (var index = 0; index < pages.Length; index++)
        {
            int? page = paged ? index + 1 : null;
            var current = new StringBuilder();
            string? currentHeading = Path(headings);

            void Flush()
            {
                if (current.Length > 0)
                {
                    chunks.Add(new TextChunk(chunks.Count, current.ToString(), page, currentHeading));
                    current.Clear();
                }
            }

            foreach (var block in Blocks(pages[index], firstBlock))
            {
                firstBlock = false;
                if (block.Kind == BlockKind.Heading)
                {
                    Flush();
                    headings.RemoveAll(h => h.Level >= block.Level);
                    headings.Add((block.Level, block.Text));
                    currentHeading = Path(headings);
                    continue;
                }

                foreach (var unit in Units(block))
                {
                    var separator = current.Length == 0 ? 0 : 2;
                    if (current.Length > 0 && current.Length + separator + unit.Length > TargetLength
                        && !(current.Length < TargetLength / 2 && current.Length + separator + unit.Length <= MaxLength))
                    {
                        Flush();
                    }

                    if (current.Length > 0)
                    {
                        current.Append("\n\n");
                    }

                    current.Append(unit);
                }
            }

            Flush();
        }

        return chunks;
    }

    private static string? Path(List<(int Level, string Text)> headings) =>
        headings.Count == 0 ? null : string.Join(HeadingSeparator, headings.Select(h => h.Text));

    private enum BlockKind
    {
        Heading,
        Paragraph,
        List,
        Table,
    }

    private sealed record Block(BlockKind Kind, string Text, int Level = 0, IReadOnlyList<string>? Lines = null, int HeaderLines = 0);

    /// <summary>The page as headings, paragraphs, lists and tables, in order.</summary>
    private static IEnumerable<Block> Blocks(string page, bool documentStart)
    {
        var lines = page.Split('\n');
        var i = 0;
        var first = documentStart;
        while (i < lines.Length)
        {
            var line = lines[i].TrimEnd();
            if (line.Trim().Length == 0)
            {
                i++;
                continue;
            }

            if (MarkdownHeading().Match(line) is { Success: true } heading)
            {
                var title = Clean(heading.Groups[2].Value.TrimEnd('#', ' '));
                if (title.Length > 0)
                {
                    yield return new Block(BlockKind.Heading, Clip(title), heading.Groups[1].Value.Length);
                }

                first = false;
                i++;
                continue;
            }

            if (IsTableRow(line))
            {
                var rows = new List<string>();
                while (i < lines.Length && IsTableRow(lines[i].TrimEnd()))
                {
                    rows.Add(Row(lines[i]));
                    i++;
                }

                if (rows.Count >= 2 || rows[0].StartsWith('|'))
                {
                    var header = rows.Count >= 2 && TableSeparator().IsMatch(rows[1]) ? 2 : 1;
                    yield return new Block(BlockKind.Table, string.Join('\n', rows), Lines: rows, HeaderLines: Math.Min(header, rows.Count));
                    first = false;
                    continue;
                }

                // A lone line with a bar in it is prose.
                i -= rows.Count;
            }

            if (ListItem().IsMatch(line))
            {
                var items = new List<string>();
                while (i < lines.Length && lines[i].Trim().Length > 0 && !IsTableRow(lines[i].TrimEnd()) && !MarkdownHeading().IsMatch(lines[i]))
                {
                    var next = lines[i].TrimEnd();
                    if (ListItem().IsMatch(next) || items.Count == 0)
                    {
                        items.Add(Whitespace().Replace(next.Trim(), " "));
                    }
                    else
                    {
                        // A wrapped item continues on the next line.
                        items[^1] += " " + Whitespace().Replace(next.Trim(), " ");
                    }

                    i++;
                    if (i < lines.Length && lines[i].Trim().Length == 0 && i + 1 < lines.Length && ListItem().IsMatch(lines[i + 1]))
                    {
                        // A loose list (blank lines between items) is still one list.
                        i++;
                    }
                }

                yield return new Block(BlockKind.List, string.Join('\n', items), Lines: items);
                first = false;
                continue;
            }

            // A paragraph: lines up to a blank line or the start of something else.
            var paragraph = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0 && !MarkdownHeading().IsMatch(lines[i])
                   && (paragraph.Count == 0 || (!ListItem().IsMatch(lines[i]) && !IsTableRow(lines[i].TrimEnd()))))
            {
                paragraph.Add(lines[i].Trim());
                i++;
            }

            // Plain text and PDF have no heading marks: a short title-like line standing alone, or a title-cased first
            // line over a paragraph, is taken for one (the document's title when it opens the document).
            if (paragraph.Count == 1 && LooksLikeHeading(paragraph[0], strict: false) && NextIsContent(lines, i))
            {
                yield return new Block(BlockKind.Heading, Clip(Clean(paragraph[0])), first ? 1 : 2);
                first = false;
                continue;
            }

            if (paragraph.Count > 1 && LooksLikeHeading(paragraph[0], strict: true))
            {
                yield return new Block(BlockKind.Heading, Clip(Clean(paragraph[0])), first ? 1 : 2);
                paragraph.RemoveAt(0);
            }

            first = false;
            var text = Whitespace().Replace(string.Join(' ', paragraph), " ").Trim();
            if (text.Length > 0)
            {
                yield return new Block(BlockKind.Paragraph, text);
            }
        }
    }

    private static bool NextIsContent(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return !MarkdownHeading().IsMatch(lines[i]);
            }
        }

        return false;
    }

    private static bool LooksLikeHeading(string line, bool strict)
    {
        var text = line.Trim();
        if (text.Length is < 2 or > MaxHeadingLength || !char.IsUpper(FirstLetterOrDigit(text)) && !char.IsDigit(FirstLetterOrDigit(text)))
        {
            return false;
        }

        if (".,;:!?…\"”)".Contains(text[^1], StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal)
            || text.Contains("http", StringComparison.OrdinalIgnoreCase) || ListItem().IsMatch(text))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxHeadingWords || SentenceEnd().IsMatch(text))
        {
            return false;
        }

        if (!strict)
        {
            return true;
        }

        // Over a paragraph only a line that looks like a title: all capitals, or most longer words capitalised.
        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && letters.All(char.IsUpper))
        {
            return true;
        }

        var longer = words.Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        return words.Length <= 8 && longer.Count > 0 && longer.Count(w => char.IsUpper(w[0])) * 3 >= longer.Count * 2;
    }

    private static char FirstLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return c;
            }
        }

        return ' ';
    }

    private static bool IsTableRow(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && ((trimmed.StartsWith('|') && trimmed.Length > 1) || trimmed.Contains(" | ", StringComparison.Ordinal) || trimmed.Contains('\t', StringComparison.Ordinal));
    }

    /// <summary>A block as pieces that each fit within the maximum.</summary>
    private static IEnumerable<string> Units(Block block)
    {
        if (block.Text.Length <= MaxLength)
        {
            return [block.Text];
        }

        return block.Kind switch
        {
            BlockKind.Table => TablePieces(block.Lines!, block.HeaderLines),
            BlockKind.List => Pack(block.Lines!.SelectMany(item => item.Length <= MaxLength ? [item] : SentencePieces(item)), "\n"),
            _ => Pack(SentencePieces(block.Text), " "),
        };
    }

    /// <summary>Rows packed up to the target, each piece opening with the header rows.</summary>
    private static IEnumerable<string> TablePieces(IReadOnlyList<string> rows, int headerLines)
    {
        var header = string.Join('\n', rows.Take(headerLines));
        var body = rows.Skip(headerLines).SelectMany(r => r.Length + header.Length + 1 <= MaxLength ? [r] : Pieces(r, MaxLength - header.Length - 1));
        var current = new StringBuilder(header);
        var hasRows = false;
        foreach (var row in body)
        {
            if (hasRows && current.Length + 1 + row.Length > TargetLength)
            {
                yield return current.ToString();
                current.Clear().Append(header);
                hasRows = false;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(row);
            hasRows = true;
        }

        if (hasRows || current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Units joined up to the target length; each within the maximum already.</summary>
    private static IEnumerable<string> Pack(IEnumerable<string> units, string separator)
    {
        var current = new StringBuilder();
        foreach (var unit in units)
        {
            if (current.Length > 0 && current.Length + separator.Length + unit.Length > TargetLength)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(unit);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Sentences; a sentence longer than the maximum as runs of words.</summary>
    private static IEnumerable<string> SentencePieces(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0)
            .SelectMany(s => s.Length <= MaxLength ? [s] : Pieces(s, MaxLength));

    // A sentence longer than the maximum: cut at the last space before the target, else at the target itself,
    // never between the two halves of a surrogate pair.
    private static IEnumerable<string> Pieces(string sentence, int max)
    {
        var target = Math.Min(TargetLength, max);
        var rest = sentence;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf(' ', target);
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(rest[target - 1]) ? target - 1 : target;
            }

            yield return rest[..cut].Trim();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    // Cells separated by tabs (plain text pasted from a spreadsheet) read as the " | " of the other tables.
    private static string Row(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.Contains('|', StringComparison.Ordinal))
        {
            trimmed = Tabs().Replace(trimmed, " | ");
        }

        return Whitespace().Replace(trimmed, " ");
    }

    private static string Clean(string heading) => Whitespace().Replace(Emphasis().Replace(heading, ""), " ").Trim();

    private static string Clip(string heading) => heading.Length <= MaxHeadingLength ? heading : heading[..MaxHeadingLength].TrimEnd();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\s*([-*+•▪◦]|\d{1,3}[.)]|[a-zA-Z][.)])\s+\S")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ ]*\t[\t ]*")]
    private static partial Regex Tabs();

    [GeneratedRegex(@"(\*\*|__|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<=[.!?。！？])\s+")]
    private static partial Regex SentenceEnd();
}
