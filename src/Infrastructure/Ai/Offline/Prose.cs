using System.Text.RegularExpressions;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Sentences for the offline writers: split a user's text into its sentences, phrase a field as part of a sentence,
/// and fit sentences to a limit by leaving whole sentences (or, for a single long one, trailing clauses) out, never by
/// cutting a word or a sentence in the middle.
/// </summary>
internal static partial class Prose
{
    private static readonly HashSet<string> BusinessNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "agency", "bakery", "bar", "brand", "brewery", "business", "cafe", "café", "clinic", "company", "consultancy", "firm", "maker",
        "manufacturer", "practice", "restaurant", "retailer", "roaster", "roastery", "school", "service", "shop", "startup", "store",
        "studio", "supplier", "workshop",
    };

    /// <summary>The sentences of a text, each ending with its stop; whitespace collapsed.</summary>
    public static IReadOnlyList<string> Sentences(string? text)
    {
        var clean = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return SentenceEnd().Split(clean).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).Select(OfflineText.Sentence).ToList();
    }

    /// <summary>A field in the middle of a sentence: Title Case words lower-cased ("Food & Beverage" -> "food &amp; beverage"), acronyms kept.</summary>
    public static string Phrase(string text) => string.Join(' ', text.Trim().TrimEnd('.', '!', ' ')
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c)) ? char.ToLowerInvariant(w[0]) + w[1..] : w));

    /// <summary>"a" or "an" for the word that follows, by its first sound as well as letters can tell.</summary>
    public static string Article(string next)
    {
        var word = next.TrimStart().ToLowerInvariant();
        if (word.Length == 0)
        {
            return "a";
        }

        var vowelSound = "aeio".Contains(word[0], StringComparison.Ordinal) ||
                         (word[0] == 'u' && !word.StartsWith("uni", StringComparison.Ordinal) && !word.StartsWith("use", StringComparison.Ordinal)
                          && !word.StartsWith("usu", StringComparison.Ordinal) && !word.StartsWith("uti", StringComparison.Ordinal)) ||
                         word.StartsWith("hour", StringComparison.Ordinal) || word.StartsWith("honest", StringComparison.Ordinal);
        return vowelSound ? "an" : "a";
    }

    /// <summary>What the company is, as a sentence: "Northwind works in food &amp; beverage." or "Northwind is a coffee roaster."</summary>
    public static string? Identity(string name, string? industry, string? audience)
    {
        if (string.IsNullOrWhiteSpace(industry))
        {
            return string.IsNullOrWhiteSpace(audience) ? null : $"{name} works for {Phrase(audience)}.";
        }

        var field = Phrase(industry);
        var last = field.Split(' ')[^1];
        var forWhom = string.IsNullOrWhiteSpace(audience) ? "" : $" for {Phrase(audience)}";
        if (BusinessNouns.Contains(last))
        {
            return $"{name} is {Article(field)} {field}{forWhom}.";
        }

        // "Plumbing Services": what it provides, not what it is.
        return last.EndsWith('s') && BusinessNouns.Contains(last[..^1])
            ? $"{name} provides {field}{forWhom}."
            : $"{name} works in {field}{forWhom}.";
    }

    /// <summary>"a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>
    /// The sentences that fit in <paramref name="max"/> as <paramref name="platform"/> counts, in order, up to
    /// <paramref name="most"/>, skipping any that repeats one already taken. Each source (a user's paragraph) is taken
    /// as a run from its start: a later sentence never appears without the one before it, and a first sentence too long
    /// to fit is shortened to its leading clauses. Null when nothing fits (the caller falls back to something shorter).
    /// </summary>
    public static string? Fit(SocialPlatform platform, IEnumerable<IReadOnlyList<string>?> sources, int max, int most = int.MaxValue) =>
        Fit(text => ProfileText.Count(platform, text), sources, max, most);

    /// <summary>As the other overload, counting characters.</summary>
    public static string? Fit(IEnumerable<IReadOnlyList<string>?> sources, int max, int most = int.MaxValue) =>
        Fit(text => text.Length, sources, max, most);

    /// <summary>A user's text as a source: its sentences in order; its opening sentence may be shortened to its leading clauses.</summary>
    public static IReadOnlyList<string> Paragraph(string? text) => new UserParagraph(Sentences(text));

    /// <summary>One sentence as a source of its own (none for null), never shortened: a made sentence is whole or absent.</summary>
    public static IReadOnlyList<string>? One(string? sentence) => string.IsNullOrWhiteSpace(sentence) ? null : [sentence.Trim()];

    private static string? Fit(Func<string, int> count, IEnumerable<IReadOnlyList<string>?> sources, int max, int most)
    {
        var taken = new List<string>();
        bool Fits(string sentence) => taken.Count < most && count(string.Join(' ', taken.Append(sentence))) <= max;
        foreach (var source in sources.OfType<IReadOnlyList<string>>())
        {
            for (var i = 0; i < source.Count; i++)
            {
                var sentence = source[i].Trim();
                if (sentence.Length == 0 || taken.Any(t => Repeats(t, sentence)))
                {
                    continue;
                }

                if (Fits(sentence))
                {
                    taken.Add(sentence);
                    continue;
                }

                // Only a source's opening sentence may be shortened; either way the rest of the source needs it.
                if (i == 0 && source is UserParagraph && LeadingClauses(c => Fits(c), sentence) is { } clauses)
                {
                    taken.Add(clauses);
                }

                break;
            }
        }

        return taken.Count > 0 ? string.Join(' ', taken) : null;
    }

    /// <summary>A long sentence cut back to whole clauses (at a comma, semicolon, colon or dash) that fit, ended with a stop.</summary>
    private static string? LeadingClauses(Func<string, bool> fits, string sentence)
    {
        var ends = ClauseEnd().Matches(sentence).ToList();
        for (var k = ends.Count - 1; k >= 0; k--)
        {
            var end = ends[k];
            var clause = sentence[..end.Index].TrimEnd(' ', ',', ';', ':', '-', '–', '—') + ".";
            // A comma may be inside a list ("events, know-how and ..."): cut there only between two parts of four words
            // or more, which lists of names rarely have. Less than four words in all is a fragment, not a clause.
            if (end.Groups[1].Value == "," && (Segment(sentence, ends, k) < 4 || Segment(sentence, ends, k + 1) < 4))
            {
                continue;
            }

            if (clause.Split(' ').Length >= 4 && fits(clause))
            {
                return clause;
            }
        }

        return null;
    }

    /// <summary>The words between clause end <paramref name="k"/> - 1 and clause end <paramref name="k"/> (the text's start and end at the edges).</summary>
    private static int Segment(string sentence, List<Match> ends, int k)
    {
        var from = k == 0 ? 0 : ends[k - 1].Index + ends[k - 1].Length;
        var to = k < ends.Count ? ends[k].Index : sentence.Length;
        return to <= from ? 0 : sentence[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    /// <summary>Whether two sentences say much the same: at least half of their content words, together, are shared.</summary>
    public static bool Repeats(string a, string b)
    {
        var x = Words.StemSet(a);
        var y = Words.StemSet(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        return x.Intersect(y).Count() >= 0.5 * x.Union(y).Count();
    }

    /// <summary>Marks a source whose opening sentence may be shortened.</summary>
    private sealed class UserParagraph(IEnumerable<string> sentences) : List<string>(sentences);

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\p{N}""“(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*(,|;|:|\s[-–—])\s")]
    private static partial Regex ClauseEnd();
}
