namespace BrandAutomator.Application.Assets;

/// <summary>
/// What the lexical search said about one passage: its score (sum of the IDF of the question's terms it contains,
/// scaled by PostgreSQL's length-normalised cover density) and its coverage (the share of the question's total IDF those
/// terms carry; a question's word that no passage contains counts fully in the total, so missing rare words weigh).
/// </summary>
public readonly record struct LexicalMatch(Guid ChunkId, double Score, double Coverage);

/// <summary>A passage and its cosine similarity to the question (NaN when the passage has no embedding yet).</summary>
public readonly record struct SemanticMatch(Guid ChunkId, double Cosine);

/// <summary>A passage that passed the floor, with its fused relevance (0..1).</summary>
public readonly record struct FusedPassage(Guid ChunkId, double Relevance, double Cosine, double Coverage);

/// <summary>
/// Reciprocal rank fusion of the lexical and semantic rankings, with a relevance floor below which nothing counts as
/// found, so that a question the documents do not cover gets no passage at all (and the chat can say so).
/// </summary>
/// <remarks>
/// The floor, calibrated for all-MiniLM-L6-v2 on a small brand corpus (13 passages of a fictional kayak maker: 16
/// answerable questions, paraphrased, scored 0.37 to 0.73 with their passage for 13 of them and 0.17 to 0.30 for three;
/// 15 questions it cannot answer, from "capital of France" to "our TikTok follower count", scored at most 0.29 with any
/// passage) and for IDF coverage:
/// <list type="number">
/// <item>a passage whose meaning is close enough (cosine &gt;= <see cref="SemanticFloor"/>) is found, whatever its words;</item>
/// <item>a passage that shares the question's important words (coverage &gt;= <see cref="CoverageFloor"/>) is found if it is
/// not semantically unrelated (cosine &gt;= <see cref="SupportedCosineFloor"/>, or no embedding yet);</item>
/// <item>a passage that carries nearly all of the question's weight in words (coverage &gt;= <see cref="StrongCoverage"/>)
/// is found regardless: codes, names and figures that embeddings know nothing about.</item>
/// </list>
/// Sharing a common word is not enough, and neither is a vague likeness in meaning. Among the passages that pass, one
/// found by meaning alone must also be within <see cref="RelativeCosineWindow"/> of the best one's cosine: when a passage
/// answers well, the merely related ones are left out (citations stay precise) while a multi-part question, whose parts
/// each resemble the question about as much, keeps them all.
/// </remarks>
public static class PassageFusion
{
    /// <summary>The usual RRF constant: ranks deep in either list still count, but little.</summary>
    public const int K = 60;

    /// <summary>How many of each ranking take part in the fusion.</summary>
    public const int Depth = 50;

    public const double SemanticFloor = 0.34;
    public const double CoverageFloor = 0.5;
    public const double SupportedCosineFloor = 0.18;
    public const double StrongCoverage = 0.85;
    public const double RelativeCosineWindow = 0.25;

    /// <summary>
    /// Browsing (search-files) shows more than an answer may cite: a person reads the list and judges, and an empty list
    /// for a question the documents do answer in other words is worse than a weaker match below the good ones. Passages
    /// under the answer's floor still need a likeness in meaning or a real share of the question's words.
    /// </summary>
    public const double BrowseCosineFloor = 0.25;
    public const double BrowseCoverageFloor = 0.3;
    public const double BrowseSupportedCosineFloor = 0.1;

    // The best possible fused score: first in both lists.
    private const double Best = 2.0 / (K + 1);

    /// <summary>The passages above the floor, most relevant first, at most <paramref name="limit"/>.</summary>
    /// <param name="lexical">Lexical matches, best first.</param>
    /// <param name="semantic">Semantic neighbours, best first.</param>
    /// <param name="cosineOf">The cosine of any passage (lexical matches outside the semantic list too), NaN when unknown.</param>
    /// <param name="browsing">For search-files: after the passages above the floor, the weaker ones above the browsing floor.</param>
    public static IReadOnlyList<FusedPassage> Fuse(
        IReadOnlyList<LexicalMatch> lexical, IReadOnlyList<SemanticMatch> semantic, Func<Guid, double> cosineOf, int limit, bool browsing = false)
    {
        var fused = Scores(lexical, semantic, cosineOf);

        var passing = fused.Where(p => Passes(p.Value.Cosine, p.Value.Coverage)).ToList();
        var best = passing.Select(p => p.Value.Cosine).Where(c => !double.IsNaN(c)).DefaultIfEmpty(0).Max();
        var found = passing
            .Where(p => p.Value.Coverage >= CoverageFloor || double.IsNaN(p.Value.Cosine) || p.Value.Cosine >= best - RelativeCosineWindow)
            .OrderByDescending(p => p.Value.Score).ThenByDescending(p => double.IsNaN(p.Value.Cosine) ? 0 : p.Value.Cosine).ThenBy(p => p.Key)
            .Take(limit)
            .Select(p => new FusedPassage(p.Key, Math.Round(Math.Min(1, p.Value.Score / Best), 4), p.Value.Cosine, p.Value.Coverage))
            .ToList();
        if (!browsing || found.Count >= limit)
        {
            return found;
        }

        // The weaker matches come after the good ones, at half their relevance, so that a list reads best first.
        var shown = found.Select(p => p.ChunkId).ToHashSet();
        return
        [
            .. found,
            .. fused.Where(p => !shown.Contains(p.Key) && PassesBrowsing(p.Value.Cosine, p.Value.Coverage))
                .OrderByDescending(p => p.Value.Score).ThenByDescending(p => double.IsNaN(p.Value.Cosine) ? 0 : p.Value.Cosine).ThenBy(p => p.Key)
                .Take(limit - found.Count)
                .Select(p => new FusedPassage(p.Key, Math.Round(Math.Min(1, p.Value.Score / Best) / 2, 4), p.Value.Cosine, p.Value.Coverage)),
        ];
    }

    /// <summary>
    /// The first <paramref name="limit"/> passages by fused rank, with no floor: the candidates an answer looks into part by
    /// part, where the floor applies to each sentence instead (relevance as for browsing, at half).
    /// </summary>
    public static IReadOnlyList<FusedPassage> Nearest(
        IReadOnlyList<LexicalMatch> lexical, IReadOnlyList<SemanticMatch> semantic, Func<Guid, double> cosineOf, int limit)
    {
        var fused = Scores(lexical, semantic, cosineOf);
        return fused.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key).Take(limit)
            .Select(p => new FusedPassage(p.Key, Math.Round(Math.Min(1, p.Value.Score / Best) / 2, 4), p.Value.Cosine, p.Value.Coverage))
            .ToList();
    }

    /// <summary>Each passage of either ranking with its fused score (the sum of 1/(K + rank) over the lists it is in), cosine and coverage.</summary>
    private static Dictionary<Guid, (double Score, double Cosine, double Coverage)> Scores(
        IReadOnlyList<LexicalMatch> lexical, IReadOnlyList<SemanticMatch> semantic, Func<Guid, double> cosineOf)
    {
        var fused = new Dictionary<Guid, (double Score, double Cosine, double Coverage)>();
        for (var rank = 0; rank < Math.Min(Depth, lexical.Count); rank++)
        {
            var match = lexical[rank];
            fused[match.ChunkId] = (1.0 / (K + rank + 1), cosineOf(match.ChunkId), match.Coverage);
        }

        for (var rank = 0; rank < Math.Min(Depth, semantic.Count); rank++)
        {
            var match = semantic[rank];
            var contribution = 1.0 / (K + rank + 1);
            fused[match.ChunkId] = fused.TryGetValue(match.ChunkId, out var seen)
                ? (seen.Score + contribution, match.Cosine, seen.Coverage)
                : (contribution, match.Cosine, 0);
        }

        return fused;
    }

    /// <summary>The browsing floor of search-files (see <see cref="BrowseCosineFloor"/>).</summary>
    public static bool PassesBrowsing(double cosine, double coverage)
    {
        var known = !double.IsNaN(cosine);
        return (known && cosine >= BrowseCosineFloor)
            || (coverage >= BrowseCoverageFloor && (!known || cosine >= BrowseSupportedCosineFloor));
    }

    /// <summary>The relevance floor (see the remarks of the class).</summary>
    public static bool Passes(double cosine, double coverage)
    {
        var known = !double.IsNaN(cosine);
        return (known && cosine >= SemanticFloor)
            || (coverage >= CoverageFloor && (!known || cosine >= SupportedCosineFloor))
            || coverage >= StrongCoverage;
    }
}
