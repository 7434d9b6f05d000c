using System.Numerics.Tensors;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Assets;
using BrandAutomator.Infrastructure.Ai.Offline;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// The second look of an answer's retrieval, when no passage is close enough to the question as a whole: a passage's
/// embedding averages all its sentences, so one sentence that answers a paraphrased question ("Who started the company?"
/// against "Fjordlight was founded in 2017 by …", amid contact details) can leave the passage under the floor. Each
/// sentence, list item and table row of the few passages above the browsing floor is then compared with the question on
/// its own, and a passage is kept only when one of its parts is as close as a passage must be
/// (<see cref="PassageFusion.SemanticFloor"/>). A question the documents do not answer still finds nothing: it has no
/// such sentence either.
/// </summary>
internal static class SentenceEvidence
{
    /// <summary>How many weaker passages are looked into (one embedding batch of their parts).</summary>
    public const int MaxCandidates = 5;

    /// <summary>How many passages a sentence can bring back into an answer.</summary>
    public const int MaxKept = 3;

    public static async Task<List<PassageHit>> KeepAsync(
        string question, IReadOnlyList<PassageHit> candidates, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        var parts = candidates.Take(MaxCandidates)
            .SelectMany((hit, i) => Excerpts.Of(new GroundingPassage(i + 1, hit.AssetId, hit.AssetName, hit.ChunkId, hit.Page, hit.Text, hit.Heading, hit.Relevance))
                .Where(e => e.Kind is ExcerptKind.Sentence or ExcerptKind.ListItem or ExcerptKind.TableRow)
                .Select(e => (hit.ChunkId, e.Text)))
            .ToList();
        if (parts.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var vectors = await embedder.GenerateAsync([question.Trim(), .. parts.Select(p => p.Text)], cancellationToken: cancellationToken);
        var asked = vectors[0].Vector.Span;
        var best = new Dictionary<Guid, double>();
        for (var i = 0; i < parts.Count; i++)
        {
            var cosine = Cosine(asked, vectors[i + 1].Vector.Span);
            best[parts[i].ChunkId] = Math.Max(cosine, best.GetValueOrDefault(parts[i].ChunkId, double.MinValue));
        }

        return candidates.Where(h => best.TryGetValue(h.ChunkId, out var cosine) && cosine >= PassageFusion.SemanticFloor)
            .OrderByDescending(h => best[h.ChunkId]).ThenBy(h => h.ChunkId)
            .Take(MaxKept)
            .ToList();
    }

    /// <summary>The cosine of two vectors (0 when one is all zeros).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var norms = TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? TensorPrimitives.Dot(a, b) / norms : 0;
    }
}
