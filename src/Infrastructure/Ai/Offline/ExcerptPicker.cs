using System.Text.RegularExpressions;
using BrandAutomator.Application.Ai;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Picks the parts of the retrieved passages that answer a question, without a model. Each question word counts by its
/// rarity among the parts (a word every part shares says nothing), words of a part's framing (heading, lead-in, table
/// header) count half, and the passage's retrieval relevance adds to that. The best part comes first; a further part is
/// added only when it covers words of the question the chosen ones leave out: up to three for a question in several parts,
/// two otherwise. Deterministic: ties go to the earlier passage and the earlier part.
/// </summary>
internal static partial class ExcerptPicker
{
    private const double RelevanceWeight = 0.25;
    private const double NumberBonus = 0.1;
    private const double StalePenalty = 0.5;
    private const int LongSentence = 300;

    /// <summary>
    /// How much a part's likeness in meaning to the question (sentence-embedding cosine) adds to its share of the
    /// question's words: a paraphrase ("rubbish" for "litter", "overnight" for "1 night") finds its part by meaning.
    /// </summary>
    private const double MeaningWeight = 0.5;

    /// <summary>
    /// The part closest in meaning is quoted next to the best by words when it is at least this close (the floor a passage
    /// must reach to be found by meaning) and clearly closer than the one the words chose.
    /// </summary>
    private const double ClosestFloor = 0.34;

    private const double ClosestMargin = 0.03;

    /// <summary>A part this close in meaning may open the answer even when it shares no word with the question.</summary>
    private const double MeaningAlone = 0.5;

    /// <summary>The single parts (sentences, list items, table rows) that share words with the text, best first.</summary>
    public static IReadOnlyList<Excerpt> Ranked(string text, IReadOnlyList<GroundingPassage> passages)
    {
        var excerpts = passages.SelectMany(Excerpts.Of).Where(e => e.IsSinglePart).ToList();
        var asked = Words.StemSet(text);
        if (excerpts.Count == 0 || asked.Count == 0)
        {
            return [];
        }

        var weights = Weights(asked, excerpts);
        var relevance = RelevanceOf(passages.ToList());
        return excerpts
            .Select(e => (Excerpt: e, Score: weights.Sum(w => e.Own.Contains(w.Key) ? w.Value : e.Framing.Contains(w.Key) ? w.Value / 2 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score + RelevanceWeight * relevance[x.Excerpt.Passage.Number])
            .ThenBy(x => x.Excerpt.Passage.Number).ThenBy(x => x.Excerpt.Index)
            .Select(x => x.Excerpt).ToList();
    }

    /// <summary>The parts to quote, best first.</summary>
    /// <param name="meaning">
    /// The cosine of a part (sentence, list item, table row) with the question, when the sentence embeddings are at hand
    /// (see <see cref="Candidates"/>); NaN or absent, the words alone decide.
    /// </param>
    public static IReadOnlyList<Excerpt> Pick(
        string question, IReadOnlyList<GroundingPassage> passages, int passagesConsidered = 5, Func<Excerpt, double>? meaning = null)
    {
        var considered = passages.Take(passagesConsidered).ToList();
        var excerpts = considered.SelectMany(Excerpts.Of).ToList();
        if (excerpts.Count == 0)
        {
            return [];
        }

        var asked = Words.StemSet(question);
        var weights = Weights(asked, excerpts);
        var total = weights.Values.Sum();
        var relevance = RelevanceOf(considered);
        var wantsNumber = Words.AsksForNumber(question);
        var wantsPrice = Words.AsksForPrice(question);

        var stale = Stale(considered);

        double Score(Excerpt e, IReadOnlySet<string>? covered = null, IReadOnlySet<string>? only = null, bool number = false, bool? price = null)
        {
            // Asked what something costs, a part with an amount of money answers; a percentage or a duration does not.
            var score = Fresh(e, covered, only, number || wantsNumber) + ((price ?? wantsPrice) && e.HasMoney ? NumberBonus : 0);
            // A document that says it is superseded or archived answers only when nothing current does.
            return stale.Contains(e.Passage.AssetId) ? StalePenalty * score : score;
        }

        double Fresh(Excerpt e, IReadOnlySet<string>? covered, IReadOnlySet<string>? only, bool number)
        {
            var matched = 0.0;
            var of = 0.0;
            foreach (var (stem, weight) in weights)
            {
                if (only?.Contains(stem) == false)
                {
                    continue;
                }

                of += weight;
                if (covered?.Contains(stem) == true)
                {
                    continue;
                }

                matched += e.Own.Contains(stem) ? weight : e.Framing.Contains(stem) ? weight / 2 : 0;
            }

            // A run-on "sentence" (a table or list extracted flat) shares words with anything: it counts for less.
            var length = e.Kind == ExcerptKind.Sentence && e.Text.Length > LongSentence ? Math.Max(0.5, (double)LongSentence / e.Text.Length) : 1;
            return (of > 0 ? length * matched / of : 0) + RelevanceWeight * relevance[e.Passage.Number] + (number && e.HasNumber ? NumberBonus : 0)
                + MeaningWeight * Meaning(e);
        }

        double Meaning(Excerpt e) => meaning?.Invoke(e) is { } cosine && !double.IsNaN(cosine) ? Math.Max(0, cosine) : 0;

        double Matched(Excerpt e) => weights.Where(w => e.Own.Contains(w.Key) || e.Framing.Contains(w.Key)).Sum(w => w.Value);

        var ranked = excerpts.Select(e => (Excerpt: e, Score: Score(e))).OrderByDescending(x => x.Score)
            .ThenBy(x => x.Excerpt.Passage.Number).ThenBy(x => x.Excerpt.Index).ToList();
        var first = ranked.FirstOrDefault(x => Matched(x.Excerpt) > 0 || Meaning(x.Excerpt) >= MeaningAlone).Excerpt
            // Found by meaning rather than by words (no word of the question in it): the first statement of the most relevant passage.
            ?? ranked.Where(x => x.Excerpt.IsSinglePart)
                .OrderBy(x => x.Excerpt.Passage.Number).ThenBy(x => x.Excerpt.Index).Select(x => x.Excerpt).FirstOrDefault();
        if (first is null)
        {
            return [];
        }

        var chosen = new List<Excerpt>();
        var several = SeveralParts(question);
        if (several)
        {
            // A question in several parts: the best answer to each part, in the order asked, unless an answer already covers it.
            foreach (var (text, stems) in Asks(question).Select(a => (a, Words.StemSet(a).Where(weights.ContainsKey).ToHashSet())).Where(a => a.Item2.Count > 0).Take(3))
            {
                if (chosen.Any(c => stems.All(s => c.Own.Contains(s) || c.Framing.Contains(s))))
                {
                    continue;
                }

                var best = excerpts
                    .Where(e => !chosen.Any(c => Overlaps(c, e)) && stems.Any(s => e.Own.Contains(s) || e.Framing.Contains(s))
                        && (chosen.Count == 0 || !stale.Contains(e.Passage.AssetId) || stale.Contains(chosen[0].Passage.AssetId)))
                    .Select(e => (Excerpt: e, Score: Score(e, only: stems, number: Words.AsksForNumber(text), price: Words.AsksForPrice(text))))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Excerpt.Passage.Number).ThenBy(x => x.Excerpt.Index)
                    .FirstOrDefault();
                if (best.Excerpt is not null)
                {
                    chosen.Add(best.Excerpt);
                }
            }
        }

        // Each part answered in its own right: nothing further is worth quoting.
        var answeredByParts = chosen.Count > 0;
        if (chosen.Count == 0)
        {
            chosen.Add(first);
        }

        first = chosen[0];
        var max = several ? 3 : 2;
        if (!answeredByParts && meaning is not null)
        {
            // Words and meaning disagree on the best part ("How fast should we answer comments on Instagram?": the words pick
            // "Instagram is our main channel", the meaning "Reply to comments within 24 hours"): both are quoted.
            var closest = excerpts.Where(e => e.IsSinglePart
                    && !Overlaps(first, e) && (!stale.Contains(e.Passage.AssetId) || stale.Contains(first.Passage.AssetId)))
                .OrderByDescending(Meaning).ThenBy(e => e.Passage.Number).ThenBy(e => e.Index)
                .FirstOrDefault();
            if (closest is not null && Meaning(closest) >= ClosestFloor && Meaning(closest) > Meaning(first) + ClosestMargin)
            {
                chosen.Add(closest);
            }
        }

        var covered = chosen.SelectMany(c => Covered(c, weights)).ToHashSet(StringComparer.Ordinal);
        // The share of the question's weight a further part must add to be worth quoting.
        var minimumGain = several ? 0.15 : 0.3;
        while (!answeredByParts && chosen.Count < max && total > 0)
        {
            // Once a current document answers, a superseded one adds nothing but confusion.
            var next = excerpts.Where(e => !chosen.Any(c => Overlaps(c, e)) && (!stale.Contains(e.Passage.AssetId) || stale.Contains(first.Passage.AssetId)))
                .Select(e => (Excerpt: e, Gain: Gain(e, covered, weights) / total, Score: Score(e, covered)))
                .Where(x => x.Gain >= minimumGain)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Excerpt.Passage.Number).ThenBy(x => x.Excerpt.Index)
                .FirstOrDefault();
            if (next.Excerpt is null)
            {
                break;
            }

            chosen.Add(next.Excerpt);
            covered.UnionWith(Covered(next.Excerpt, weights));
        }

        return chosen.Select(c => LedIn(c, excerpts)).Distinct().ToList();
    }

    /// <summary>
    /// A sentence that leads into a list or table ("Never use these words in anything we publish:") says nothing on its
    /// own: the list it introduces is quoted in its place.
    /// </summary>
    private static Excerpt LedIn(Excerpt chosen, List<Excerpt> excerpts) =>
        chosen.Kind == ExcerptKind.Sentence && chosen.Text.TrimEnd().EndsWith(':')
            ? excerpts.FirstOrDefault(g => g.Passage.Number == chosen.Passage.Number && g.Kind is ExcerptKind.List or ExcerptKind.Table
                && g.Index > chosen.Index && g.Context.Contains(chosen.Text, StringComparison.Ordinal)) ?? chosen
            : chosen;

    /// <summary>The parts of the passages <see cref="Pick"/> weighs by meaning: sentences, list items and table rows.</summary>
    public static IReadOnlyList<Excerpt> Candidates(IReadOnlyList<GroundingPassage> passages, int passagesConsidered = 5) =>
        passages.Take(passagesConsidered).SelectMany(Excerpts.Of)
            .Where(e => e.IsSinglePart).ToList();

    /// <summary>
    /// The documents among the passages that say they are no longer valid: in their name, or in the opening lines of a
    /// passage ("SUPERSEDED: replaced by the 2026 price list", "Archived").
    /// </summary>
    public static HashSet<Guid> Stale(IEnumerable<GroundingPassage> passages) =>
        passages.Where(p => StaleMark().IsMatch(p.AssetName) || StaleMark().IsMatch(p.Text.Length > 300 ? p.Text[..300] : p.Text))
            .Select(p => p.AssetId).ToHashSet();

    /// <summary>Inverse document frequency over the parts, of each stem of the question that any part has.</summary>
    private static Dictionary<string, double> Weights(HashSet<string> asked, List<Excerpt> excerpts)
    {
        var parts = excerpts.Where(e => e.Kind is not (ExcerptKind.List or ExcerptKind.Table)).ToList();
        var n = Math.Max(parts.Count, 1);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var stem in asked.Order(StringComparer.Ordinal))
        {
            var df = parts.Count(e => e.Own.Contains(stem) || e.Framing.Contains(stem));
            // A word no part has still weighs (as the rarest): an answer that leaves it out covers less of the question.
            weights[stem] = Math.Log(1 + (n + 1.0) / (df + 0.5));
        }

        return weights;
    }

    private static Dictionary<int, double> RelevanceOf(List<GroundingPassage> passages)
    {
        var max = passages.Max(p => p.Relevance);
        return passages.ToDictionary(p => p.Number, p => max > 0
            ? Math.Max(p.Relevance, 0) / max
            // No relevance reported: the retrieval order says it.
            : 1.0 - (double)passages.IndexOf(p) / passages.Count);
    }

    private static HashSet<string> Covered(Excerpt e, Dictionary<string, double> weights) =>
        new(weights.Keys.Where(s => e.Own.Contains(s) || e.Framing.Contains(s)), StringComparer.Ordinal);

    private static double Gain(Excerpt e, HashSet<string> covered, Dictionary<string, double> weights) =>
        weights.Where(w => !covered.Contains(w.Key) && e.Own.Contains(w.Key)).Sum(w => w.Value);

    /// <summary>Whether one already quotes the other (a row and its whole table, an item and its whole list, or the same part).</summary>
    private static bool Overlaps(Excerpt a, Excerpt b)
    {
        if (a.Passage.Number != b.Passage.Number)
        {
            return false;
        }

        if (a.Index == b.Index)
        {
            return true;
        }

        var (group, part) = a.Kind is ExcerptKind.List or ExcerptKind.Table ? (a, b) : (b, a);
        return group.Kind is ExcerptKind.List or ExcerptKind.Table && part.Kind is ExcerptKind.ListItem or ExcerptKind.TableRow
            && group.Lines.Any(l => l.Contains(part.Text, StringComparison.Ordinal) || part.Text.Split("; ").All(c => l.Contains(c.Split(": ")[^1], StringComparison.Ordinal)));
    }

    /// <summary>The asks of a question in several parts, split where "and", a comma, a semicolon or a question mark joins them.</summary>
    private static IEnumerable<string> Asks(string question) =>
        AskBoundary().Split(question).Select(a => a.Trim()).Where(a => a.Length > 0);

    /// <summary>A question in several parts: two questions, or asks joined by "and", "as well as", "also", a comma or a semicolon.</summary>
    public static bool SeveralParts(string question) =>
        question.Count(c => c == '?') > 1 || SeveralAsks().IsMatch(question);

    [GeneratedRegex(@"\b(superseded|archived|no longer (valid|in use|current|applies)|deprecated|obsolete|outdated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StaleMark();

    [GeneratedRegex(@"\b(and|as well as|also|plus|both)\b|[;,]", RegexOptions.IgnoreCase)]
    private static partial Regex SeveralAsks();

    [GeneratedRegex(@"\?|;|,|\band\b|\bas well as\b|\balso\b|\bplus\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskBoundary();
}
