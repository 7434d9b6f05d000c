using System.Text.RegularExpressions;
using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Companies;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>A fact taken from the documents with the passage it came from.</summary>
internal sealed record Found<T>(T Value, int Passage);

/// <summary>
/// What a brand's own documents state about the brand, read without a model from the parts of the passages: the values a
/// guide lists, its tone of voice, the words it bans, its colours, the hashtags a social media policy prescribes, the
/// competitors a market document names. Each comes with the passage it was taken from, so that a draft can cite it. A part
/// counts when it or what frames it (its heading, lead-in, table header) is about the topic.
/// </summary>
internal static partial class DocumentFacts
{
    public static IReadOnlyList<Found<BrandValue>> Values(IReadOnlyList<GroundingPassage> passages)
    {
        foreach (var list in Parts(passages).Where(e => e.Kind == ExcerptKind.List && About(e, "valu")))
        {
            var values = list.Lines.Select(Named).OfType<(string Name, string Description)>()
                .DistinctBy(v => v.Name.ToUpperInvariant()).Take(Company.MaxValues).ToList();
            if (values.Count >= 2 && values.Count >= list.Lines.Count / 2)
            {
                return values.Select(v => new Found<BrandValue>(new BrandValue(Clip(v.Name, 60), Clip(Sentence(v.Description), 500)), list.Passage.Number)).ToList();
            }
        }

        foreach (var sentence in Parts(passages).Where(e => e.Kind == ExcerptKind.Sentence))
        {
            if (ValuesSentence().Match(sentence.Text) is { Success: true } m)
            {
                var names = m.Groups[1].Value.Split([",", " and ", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(n => n.Trim(' ', '.', '"', '“', '”')).Where(n => n.Length is > 0 and <= 60 && n.Split(' ').Length <= 4).ToList();
                if (names.Count >= 2)
                {
                    return names.Take(Company.MaxValues).Select(n => new Found<BrandValue>(
                        new BrandValue(Capitalised(n), $"A value named in {sentence.Passage.AssetName}."), sentence.Passage.Number)).ToList();
                }
            }
        }

        return [];
    }

    /// <summary>The sentences that describe the tone of voice, from the first passage that has them.</summary>
    public static Found<string>? Tone(IReadOnlyList<GroundingPassage> passages)
    {
        var sentences = Parts(passages).Where(e => e.Kind == ExcerptKind.Sentence && (e.Framing.Overlaps(ToneWords) || e.Own.Overlaps(ToneWords)))
            .Where(e => !e.Own.Overlaps(AvoidWords)).ToList();
        if (sentences.Count == 0)
        {
            return null;
        }

        var passage = sentences[0].Passage;
        var text = string.Join(' ', sentences.Where(s => s.Passage == passage).Take(2).Select(s => s.Text));
        return new Found<string>(Clip(text, 600), passage.Number);
    }

    /// <summary>
    /// The items of a list of words or phrases not to use, as the document words them; when the list has lost its
    /// structure (text extracted flat), the quoted words of a sentence about words to avoid, leaving out the suggested
    /// replacements in brackets.
    /// </summary>
    public static IReadOnlyList<Found<string>> Avoid(IReadOnlyList<GroundingPassage> passages)
    {
        var parts = Parts(passages).ToList();
        var items = parts.Where(e => e.Kind == ExcerptKind.ListItem && e.Framing.Overlaps(AvoidWords) && e.Framing.Overlaps(WordWords))
            .Select(e => new Found<string>(Clip(e.Text, 200), e.Passage.Number)).DistinctBy(f => f.Value).Take(10).ToList();
        if (items.Count > 0)
        {
            return items;
        }

        return parts.Where(e => e.Kind == ExcerptKind.Sentence && (e.Own.Overlaps(AvoidWords) || e.Framing.Overlaps(AvoidWords))
                && (e.Own.Overlaps(WordWords) || e.Framing.Overlaps(WordWords)))
            .SelectMany(e => Quoted().Matches(Bracketed().Replace(e.Text, " ")).Select(m => new Found<string>($"\"{m.Groups[1].Value.Trim()}\"", e.Passage.Number)))
            .DistinctBy(f => f.Value.ToUpperInvariant()).Take(10).ToList();
    }

    /// <summary>The banned words themselves: the quoted word an item starts with, or a short item.</summary>
    public static IReadOnlyList<string> BannedWords(IReadOnlyList<GroundingPassage> passages) =>
        Avoid(passages).Select(f => Banned().Match(f.Value) is { Success: true } m ? m.Groups[1].Value
                : f.Value.Split(' ').Length <= 3 ? f.Value.Trim('.', ' ') : null)
            .OfType<string>().Where(w => w.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Hex colours (#RRGGBB) of parts about colour, in document order.</summary>
    public static IReadOnlyList<Found<string>> Colours(IReadOnlyList<GroundingPassage> passages) =>
        Parts(passages).Where(e => e.IsSinglePart
                && (e.Own.Contains("color") || e.Framing.Contains("color") || e.Own.Contains("hex") || e.Framing.Contains("hex")))
            .SelectMany(e => Hex().Matches(e.Text).Select(m => new Found<string>(m.Value.ToUpperInvariant(), e.Passage.Number)))
            .DistinctBy(f => f.Value).Take(Company.MaxColours).ToList();

    /// <summary>The hashtags of parts about hashtags: those every post must carry first.</summary>
    public static IReadOnlyList<Found<string>> Hashtags(IReadOnlyList<GroundingPassage> passages) =>
        Parts(passages).Where(e => e.IsSinglePart
                && (e.Own.Overlaps(HashtagWords) || e.Framing.Overlaps(HashtagWords)))
            .OrderBy(e => Always().IsMatch(e.Text) ? 0 : 1).ThenBy(e => e.Passage.Number).ThenBy(e => e.Index)
            .SelectMany(e => Hashtag().Matches(e.Text).Select(m => new Found<string>(m.Value, e.Passage.Number)))
            .DistinctBy(f => f.Value.ToUpperInvariant()).Take(5).ToList();

    /// <summary>The hashtags every post must carry, when the policy says so; otherwise all the prescribed ones.</summary>
    public static IReadOnlyList<Found<string>> RequiredHashtags(IReadOnlyList<GroundingPassage> passages)
    {
        var always = Parts(passages).Where(e => e.Kind is ExcerptKind.Sentence or ExcerptKind.ListItem && Always().IsMatch(e.Text)
                && (e.Own.Overlaps(HashtagWords) || e.Framing.Overlaps(HashtagWords)))
            .SelectMany(e => Hashtag().Matches(e.Text).Select(m => new Found<string>(m.Value, e.Passage.Number)))
            .DistinctBy(f => f.Value.ToUpperInvariant()).ToList();
        return always.Count > 0 ? always : Hashtags(passages);
    }

    /// <summary>Competitors named by a part about the competition: a table row's first cell, or a list item's name.</summary>
    public static IReadOnlyList<Found<(string Name, string Statement)>> Competitors(IReadOnlyList<GroundingPassage> passages)
    {
        var found = new List<Found<(string, string)>>();
        foreach (var part in Parts(passages).Where(e => e.Kind is ExcerptKind.TableRow or ExcerptKind.ListItem && e.Framing.Overlaps(CompetitorWords)))
        {
            var name = part.Kind == ExcerptKind.TableRow
                ? part.Text.Split("; ")[0].Split(": ")[^1].Trim()
                : Named(part.Text)?.Name;
            if (name is { Length: > 1 and <= 80 } && name.Split(' ').Length <= 6 && !name.Any(char.IsDigit))
            {
                found.Add(new Found<(string, string)>((name, part.Text), part.Passage.Number));
            }
        }

        if (found.Count == 0)
        {
            // A list that lost its structure in extraction: "Bean Bros: a national subscription. Kettle & Crow: a local roaster."
            var about = Parts(passages).Where(e => e.Own.Overlaps(CompetitorWords) || e.Framing.Overlaps(CompetitorWords)).Select(e => e.Passage.Number).ToHashSet();
            foreach (var part in Parts(passages).Where(e => e.Kind == ExcerptKind.Sentence && about.Contains(e.Passage.Number)))
            {
                foreach (Match m in FlatNamedItem().Matches(part.Text))
                {
                    if (!Labels.Contains(m.Groups[1].Value.Trim()))
                    {
                        found.Add(new Found<(string, string)>((m.Groups[1].Value.Trim(), Clip(m.Value.Trim(), 300)), part.Passage.Number));
                    }
                }
            }
        }

        return found.DistinctBy(f => f.Value.Item1.ToUpperInvariant()).Take(10).ToList();
    }

    private static IEnumerable<Excerpt> Parts(IReadOnlyList<GroundingPassage> passages) => passages.SelectMany(Excerpts.Of);

    private static bool About(Excerpt e, string stem) => e.Own.Contains(stem) || e.Framing.Contains(stem);

    /// <summary>"Name: what it means", "Name — what it means" or "Name - what it means"; the name short.</summary>
    private static (string Name, string Description)? Named(string item)
    {
        var m = NameAndDescription().Match(item);
        if (!m.Success)
        {
            return null;
        }

        var name = m.Groups[1].Value.Trim(' ', '"', '“', '”');
        var description = m.Groups[2].Value.Trim();
        return name.Length is > 0 and <= 60 && name.Split(' ').Length <= 5 && description.Length > 0 ? (name, description) : null;
    }

    private static string Clip(string text, int max) => OfflineText.Clip(text, max);

    private static string Sentence(string text) => OfflineText.Sentence(text);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Words that open a labelled line without naming anyone.
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Note", "Notes", "Tip", "Example", "Summary", "Update", "Source", "Sources", "Strength", "Strengths", "Weakness", "Weaknesses", "Price",
        "Prices", "Pricing", "Type", "Why", "What", "How", "Who", "When", "Where", "Answer", "Question", "Q", "A", "Important", "Warning",
    };

    private static readonly HashSet<string> ToneWords = Words.StemSet("tone voice sound");
    private static readonly HashSet<string> AvoidWords = Words.StemSet("avoid never banned ban forbidden don't");
    private static readonly HashSet<string> WordWords = Words.StemSet("word words phrase phrases term terms say use publish write language");
    private static readonly HashSet<string> HashtagWords = Words.StemSet("hashtag hashtags tag tags");
    private static readonly HashSet<string> CompetitorWords = Words.StemSet("competitor competitors competition compete rival rivals alternative alternatives");

    [GeneratedRegex(@"^(.{1,60}?)\s*(?::|—|–|\s-\s)\s*(.+)$")]
    private static partial Regex NameAndDescription();

    [GeneratedRegex(@"\bvalues\s+(?:are|is)\s*:?\s*(.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ValuesSentence();

    [GeneratedRegex(@"^[""“‘']([^""”’']{1,40})[""”’']")]
    private static partial Regex Banned();

    [GeneratedRegex(@"[""“]([^""“”]{1,40})[""”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();

    // A capitalised name of one to four words right after the start or a sentence's or lead-in's end, then a colon and what it is.
    [GeneratedRegex(@"(?:^|(?<=[.:;]\s))(\p{Lu}[\p{L}\p{N}'’]*(?:\s+(?:&\s+|and\s+)?\p{Lu}[\p{L}\p{N}'’]*){0,3}):\s+[^.:]+(?:\.|$)")]
    private static partial Regex FlatNamedItem();

    [GeneratedRegex(@"(?<![\w&])#[0-9A-Fa-f]{6}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"(?<![\w&#])#[A-Za-z][A-Za-z0-9_]{1,49}\b")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"\b(every|always|all|must|each)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Always();
}
