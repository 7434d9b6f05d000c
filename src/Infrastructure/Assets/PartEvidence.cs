using System.Numerics.Tensors;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Assets;
using BrandAutomator.Infrastructure.Ai.Offline;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// The second look of an answer's retrieval, part by part. A passage's embedding averages all its sentences, so the one
/// sentence that answers a paraphrased question ("How fast should we answer comments?" against "Reply to comments and
/// messages within 24 hours", in a section about writing posts) can leave its passage under the floor, or below a passage
/// that merely shares the question's subject. Each sentence, list item and table row of the passages found and of a few
/// weaker ones is compared with the question on its own (one embedding batch), and:
/// <list type="bullet">
/// <item>a weaker passage comes into the answer when one of its parts is as close as a passage must be
/// (<see cref="PassageFusion.SemanticFloor"/>), at most <see cref="MaxKept"/> of them; a question the documents do not
/// answer still finds nothing, as it has no such part either;</item>
/// <item>the passages are ordered by their fused relevance plus their best part's closeness (<see cref="PartWeight"/>), so
/// that the passage holding the answer comes before the one that is only about the same thing;</item>
/// <item>each passage carries its parts' cosines on, so that an answer written without a model weighs parts by meaning
/// without embedding them again.</item>
/// </list>
/// </summary>
internal static class PartEvidence
{
    /// <summary>How many weaker passages are looked into.</summary>
    public const int MaxWeaker = 8;

    /// <summary>How many weaker passages a part can bring into an answer.</summary>
    public const int MaxKept = 3;

    /// <summary>How close one part must be for a weaker passage to come into an answer.</summary>
    public const double PartFloor = PassageFusion.SemanticFloor;

    /// <summary>How much the best part's cosine counts next to the passage's fused relevance (0..1) in the answer's order.</summary>
    public const double PartWeight = 0.5;

    public static async Task<List<PassageHit>> RerankAsync(
        string question, IReadOnlyList<PassageHit> found, IReadOnlyList<PassageHit> weaker, int limit,
        IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        var candidates = found.Concat(weaker.Take(MaxWeaker)).ToList();
        var parts = candidates
            .Select((hit, i) => (hit.ChunkId, Texts: Excerpts.Of(new GroundingPassage(i + 1, hit.AssetId, hit.AssetName, hit.ChunkId, hit.Page, hit.Text, hit.Heading, hit.Relevance))
                .Where(e => e.IsSinglePart)
                .Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        var texts = parts.SelectMany(p => p.Texts).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return [.. found.Take(limit)];
        }

        var vectors = await embedder.GenerateAsync([question.Trim(), .. texts], cancellationToken: cancellationToken);
        var asked = vectors[0].Vector.Span;
        var cosineOf = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            cosineOf[texts[i]] = Math.Round(Cosine(asked, vectors[i + 1].Vector.Span), 4);
        }

        var cosines = parts.ToDictionary(p => p.ChunkId, p => (IReadOnlyDictionary<string, double>)p.Texts.ToDictionary(t => t, t => cosineOf[t], StringComparer.Ordinal));
        var best = cosines.ToDictionary(c => c.Key, c => c.Value.Values.DefaultIfEmpty(0).Max());
        double Best(PassageHit hit) => best[hit.ChunkId];

        var foundIds = found.Select(h => h.ChunkId).ToHashSet();
        var kept = found
            .Concat(weaker.Take(MaxWeaker).Where(h => !foundIds.Contains(h.ChunkId) && Best(h) >= PartFloor)
                .OrderByDescending(Best).ThenBy(h => h.ChunkId).Take(MaxKept))
            .Select(h => (Hit: h, Score: h.Relevance + PartWeight * Math.Max(0, Best(h))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Hit.ChunkId)
            .Take(limit)
            .ToList();
        var top = kept.Select(x => x.Score).DefaultIfEmpty(0).Max();
        return kept.Select(x => x.Hit with { Relevance = top > 0 ? Math.Round(x.Score / top, 4) : 0, PartCosines = cosines[x.Hit.ChunkId] }).ToList();
    }

    /// <summary>The cosine of two vectors (0 when one is all zeros).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var norms = TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? TensorPrimitives.Dot(a, b) / norms : 0;
    }
}
