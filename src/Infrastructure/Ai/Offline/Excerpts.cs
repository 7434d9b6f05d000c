using System.Text;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Ai;

namespace BrandAutomator.Infrastructure.Ai.Offline;

internal enum ExcerptKind
{
    Sentence,
    ListItem,
    TableRow,
    /// <summary>A whole list with its lead-in: the answer when the question asks about the list rather than one item.</summary>
    List,
    /// <summary>A whole table with its header: the answer when the question asks about the table rather than one row.</summary>
    Table,
}

/// <summary>
/// A part of a passage that an offline answer can quote whole: a sentence (never a heading), a list item, a table row
/// with its header, or a whole list or table. <see cref="Context"/> is what frames it (the heading path, the lead-in
/// of a list, the header of a table, the sentence a pronoun refers to): it counts for matching, at a lower weight.
/// </summary>
internal sealed record Excerpt(GroundingPassage Passage, ExcerptKind Kind, int Index, string Text, string Context, IReadOnlyList<string> Lines)
{
    public HashSet<string> Own { get; } = Words.StemSet(Kind is ExcerptKind.List or ExcerptKind.Table ? Context : Text);

    public HashSet<string> Framing { get; } = Words.StemSet(Kind is ExcerptKind.List or ExcerptKind.Table ? string.Join(' ', Lines) : Context);

    /// <summary>A single statement (sentence, list item, table row), as opposed to a whole list or table.</summary>
    public bool IsSinglePart => Kind is ExcerptKind.Sentence or ExcerptKind.ListItem or ExcerptKind.TableRow;

    public bool HasNumber => Text.Any(char.IsDigit) || Lines.Any(l => l.Any(char.IsDigit));

    /// <summary>Whether it gives an amount of money (for a list or table: any of its lines).</summary>
    public bool HasMoney => Words.HasMoney(Text) || Lines.Any(Words.HasMoney);

    /// <summary>Where it comes from, for the reader: the document, its page, the last heading.</summary>
    public string Where
    {
        get
        {
            var where = Passage.Page is { } page ? $"{Passage.AssetName}, page {page}" : Passage.AssetName;
            var section = Passage.Heading?.Split('›').Select(s => s.Trim()).LastOrDefault(s => s.Length > 0);
            return section is null ? where : $"{where} › {section}";
        }
    }

    /// <summary>The excerpt as a Markdown piece of an answer, citing its passage.</summary>
    public string Markdown() => Kind switch
    {
        ExcerptKind.List => $"- {Where} [{Passage.Number}]:\n" + string.Concat(Lines.Select(l => $"  - {l}\n")),
        ExcerptKind.Table => $"- {Where} [{Passage.Number}]:\n\n" + string.Concat(Lines.Select(l => $"  {l}\n")) + "\n",
        _ => $"- “{Text}” ({Where}) [{Passage.Number}]\n",
    };
}

/// <summary>Cuts passages into the parts an offline answer quotes, keeping list items and table rows whole.</summary>
internal static partial class Excerpts
{
    private const int MaxGroupLines = 12;

    public static IReadOnlyList<Excerpt> Of(GroundingPassage passage)
    {
        var excerpts = new List<Excerpt>();
        var heading = passage.Heading?.Replace("›", " ", StringComparison.Ordinal) ?? "";
        var headingParts = new HashSet<string>(
            (passage.Heading ?? "").Split('›').Select(s => Clean(s).ToLowerInvariant()).Where(s => s.Length > 0), StringComparer.Ordinal);
        var lines = (passage.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var paragraph = new StringBuilder();
        var lastHeading = "";
        var leadIn = "";
        // The last question of an FAQ, which frames its answer even across a blank line.
        var asked = "";

        void Flush()
        {
            if (paragraph.Length == 0)
            {
                return;
            }

            string? previous = null;
            foreach (var raw in SentenceEnd().Split(paragraph.ToString()))
            {
                var sentence = Clean(raw);
                if (sentence.Length == 0)
                {
                    continue;
                }

                // A question in a document (an FAQ) is never the answer: it frames the sentences that follow it.
                if (sentence.EndsWith('?'))
                {
                    asked = sentence;
                    previous = null;
                    continue;
                }

                if (!LooksLikeHeading(sentence) && !headingParts.Contains(sentence.ToLowerInvariant().TrimEnd(':')))
                {
                    var frame = $"{heading} {lastHeading} {asked}";
                    if (previous is not null && Pronoun().IsMatch(sentence))
                    {
                        frame += " " + previous;
                    }

                    excerpts.Add(new Excerpt(passage, ExcerptKind.Sentence, excerpts.Count, sentence, frame, [sentence]));
                }

                previous = sentence;
            }

            leadIn = Clean(paragraph.ToString()).EndsWith(':') ? LastSentence(Clean(paragraph.ToString())) : "";
            paragraph.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (HeadingLine().Match(line) is { Success: true } h)
            {
                Flush();
                lastHeading = Clean(h.Groups[1].Value);
                leadIn = "";
                asked = "";
                continue;
            }

            if (Rule().IsMatch(line))
            {
                Flush();
                continue;
            }

            if (line.TrimStart().StartsWith('|'))
            {
                Flush();
                var block = new List<string>();
                while (i < lines.Length && lines[i].TrimStart().StartsWith('|'))
                {
                    block.Add(lines[i].Trim());
                    i++;
                }

                i--;
                AddTable(passage, excerpts, block, $"{heading} {lastHeading} {leadIn}");
                leadIn = "";
                continue;
            }

            if (ListItem().Match(line) is { Success: true } item)
            {
                Flush();
                var items = new List<string>();
                var current = new StringBuilder(item.Groups[2].Value.Trim());
                while (++i < lines.Length)
                {
                    var next = lines[i].TrimEnd();
                    if (ListItem().Match(next) is { Success: true } following)
                    {
                        items.Add(Clean(current.ToString()));
                        current.Clear().Append(following.Groups[2].Value.Trim());
                    }
                    else if (next.Length > 0 && char.IsWhiteSpace(next[0]) && !next.TrimStart().StartsWith('|'))
                    {
                        current.Append(' ').Append(next.Trim());
                    }
                    else
                    {
                        break;
                    }
                }

                items.Add(Clean(current.ToString()));
                i--;
                AddList(passage, excerpts, items.Where(x => x.Length > 0).ToList(), $"{heading} {lastHeading} {leadIn}");
                leadIn = "";
                continue;
            }

            paragraph.Append(paragraph.Length > 0 ? " " : "").Append(line.Trim());
        }

        Flush();
        return excerpts;
    }

    private static void AddList(GroundingPassage passage, List<Excerpt> excerpts, IReadOnlyList<string> items, string context)
    {
        foreach (var text in items)
        {
            excerpts.Add(new Excerpt(passage, ExcerptKind.ListItem, excerpts.Count, text, context, [text]));
        }

        if (items.Count > 1 && items.Count <= MaxGroupLines)
        {
            excerpts.Add(new Excerpt(passage, ExcerptKind.List, excerpts.Count, string.Join("; ", items), context, items));
        }
    }

    private static void AddTable(GroundingPassage passage, List<Excerpt> excerpts, IReadOnlyList<string> block, string context)
    {
        var hasHeader = block.Count > 1 && Separator().IsMatch(block[1]);
        var header = hasHeader ? Cells(block[0]) : [];
        var rows = block.Skip(hasHeader ? 2 : 0).Where(r => !Separator().IsMatch(r)).ToList();
        foreach (var row in rows)
        {
            var cells = Cells(row);
            // Each row carries its header, so that "€12.50" is read as the price of the 250 g bag.
            var text = header.Count == cells.Count && header.Any(c => c.Length > 0)
                ? string.Join("; ", header.Zip(cells).Where(x => x.Second.Length > 0).Select(x => x.First.Length > 0 ? $"{x.First}: {x.Second}" : x.Second))
                : string.Join("; ", cells.Where(c => c.Length > 0));
            if (text.Length > 0)
            {
                excerpts.Add(new Excerpt(passage, ExcerptKind.TableRow, excerpts.Count, text, context + " " + string.Join(' ', header), [text]));
            }
        }

        if (rows.Count > 1 && rows.Count <= MaxGroupLines)
        {
            var lines = hasHeader ? block.ToList() : rows;
            excerpts.Add(new Excerpt(passage, ExcerptKind.Table, excerpts.Count, string.Join(' ', block), context + " " + string.Join(' ', header), lines));
        }
    }

    private static List<string> Cells(string row)
    {
        var trimmed = row.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|').Select(Clean).ToList();
    }

    /// <summary>A line without a sentence's end that is short and carries no figure reads as a title, not a statement.</summary>
    private static bool LooksLikeHeading(string sentence) =>
        !sentence.EndsWith('.') && !sentence.EndsWith('!') && !sentence.EndsWith('?') && !sentence.EndsWith(':') && !sentence.Any(char.IsDigit)
        && !sentence.Contains('#', StringComparison.Ordinal) && sentence.Split(' ').Length <= 8;

    private static string LastSentence(string text) => SentenceEnd().Split(text)[^1].Trim();

    /// <summary>Markdown emphasis and code marks removed, spaces collapsed.</summary>
    public static string Clean(string text) =>
        Spaces().Replace(Emphasis().Replace(text, ""), " ").Trim();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}""“‘(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s*([-=*_])\1{2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*([-*+•]|\d{1,2}[.)])\s+(.+)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(It|Its|This|These|They|Their|That|Those|Such|Both|Each|He|She)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\*\*|__|`")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
