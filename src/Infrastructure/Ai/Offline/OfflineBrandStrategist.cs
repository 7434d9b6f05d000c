using System.Runtime.CompilerServices;
using BrandAutomator.Application.Ai;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// The strategist without a model: quotes the sentences, list items and table rows of the retrieved passages that best
/// answer the question (up to three for a question in several parts), citing only the passages it quotes, then the
/// profile fields that bear on it. With no passage it says plainly that the documents do not cover the question and what
/// to upload. The same question over the same data gives the same answer.
/// </summary>
public sealed class OfflineBrandStrategist(IEmbeddingGenerator<string, Embedding<float>>? embedder = null) : IBrandStrategist
{
    public async IAsyncEnumerable<StrategistChunk> AnswerAsync(StrategistQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var meaning = await MeaningAsync(question, cancellationToken);
        foreach (var piece in Compose(question, meaning))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StrategistChunk(piece, null);
            // Lets each piece go out as its own event, as a model's chunks would.
            await Task.Yield();
        }
    }

    /// <summary>
    /// The cosine of each part of the passages with the question: those retrieval already measured (see
    /// <see cref="GroundingPassage.PartCosines"/>), else from the same sentence embeddings, one batch per answer. Without
    /// either, none, and the words alone pick.
    /// </summary>
    private async Task<Func<Excerpt, double>?> MeaningAsync(StrategistQuestion question, CancellationToken cancellationToken)
    {
        var candidates = ExcerptPicker.Candidates(question.Passages.Where(p => !p.IsResults).ToList());
        if (candidates.Count == 0 || string.IsNullOrWhiteSpace(question.Question))
        {
            return null;
        }

        if (Measured(candidates) is { } measured)
        {
            return measured;
        }

        if (embedder is null)
        {
            return null;
        }

        var vectors = await embedder.GenerateAsync([question.Question.Trim(), .. candidates.Select(c => c.Text)], cancellationToken: cancellationToken);
        var asked = vectors[0].Vector.Span;
        var cosines = new Dictionary<(int Passage, int Index), double>();
        for (var i = 0; i < candidates.Count; i++)
        {
            cosines[(candidates[i].Passage.Number, candidates[i].Index)] = Assets.PartEvidence.Cosine(asked, vectors[i + 1].Vector.Span);
        }

        return e => cosines.TryGetValue((e.Passage.Number, e.Index), out var cosine) ? cosine : double.NaN;
    }

    /// <summary>The cosines retrieval measured, when it measured every part the answer weighs; else null.</summary>
    private static Func<Excerpt, double>? Measured(IReadOnlyList<Excerpt> candidates) =>
        candidates.Count > 0 && candidates.All(c => c.Passage.PartCosines?.ContainsKey(c.Text) == true)
            ? e => e.Passage.PartCosines?.TryGetValue(e.Text, out var cosine) == true ? cosine : double.NaN
            : null;

    /// <summary>The answer, weighing parts by meaning only where retrieval measured it (see <see cref="GroundingPassage.PartCosines"/>).</summary>
    public static IEnumerable<string> Compose(StrategistQuestion question) =>
        Compose(question, Measured(ExcerptPicker.Candidates(question.Passages.Where(p => !p.IsResults).ToList())));

    internal static IEnumerable<string> Compose(StrategistQuestion question, Func<Excerpt, double>? meaning)
    {
        // The answer carries no disclaimer of its own: the provider and its note label it, and the SPA says it once.
        // The workspace's post results come first, as computed (every number from the stored metrics); the documents after.
        var results = question.Passages.Where(p => p.IsResults).ToList();
        foreach (var facts in results)
        {
            yield return $"From your post results [{facts.Number}]:\n\n{facts.Text.Trim()}\n";
        }

        var documents = question.Passages.Where(p => !p.IsResults).ToList();
        var excerpts = ExcerptPicker.Pick(question.Question, documents, meaning: meaning);
        if (results.Count > 0 && excerpts.Count > 0)
        {
            yield return "\n";
        }

        if (excerpts.Count > 0)
        {
            yield return "Your documents say:\n\n";
            var stale = ExcerptPicker.Stale(question.Passages);
            foreach (var excerpt in excerpts)
            {
                yield return excerpt.Markdown();
            }

            if (excerpts.Any(e => stale.Contains(e.Passage.AssetId)))
            {
                yield return "\nA document quoted here says it is superseded or archived: check it against the current one before relying on it.\n";
            }
        }
        else if (results.Count == 0 && question.NoResults is null)
        {
            yield return Abstention.Answer(question.Question) + "\n";
        }

        if (question.NoResults is { } none)
        {
            yield return (excerpts.Count > 0 ? "\n" : "") + none + "\n";
        }

        if (question.Profile is { } profile)
        {
            var asked = Words.StemSet(question.Question);
            var fields = ProfileLines(profile);
            // A field the question names ("our brand voice"); without quotes from the documents, also one whose text it shares words with.
            var answered = excerpts.Count > 0 || results.Count > 0 || question.NoResults is not null;
            var relevant = fields.Where(f => Words.StemSet(f.Label).Overlaps(asked) || (!answered && Words.StemSet(f.Text).Overlaps(asked)))
                .ToList();
            // With quotes from the documents, only the profile fields the question is about; without, the ones that frame any answer.
            var shown = (relevant.Count > 0 ? relevant : answered ? [] : fields.Where(f => f.Default).ToList()).Take(3).ToList();
            if (shown.Count > 0)
            {
                yield return $"\nFrom the profile of {profile.Name}:\n\n";
                foreach (var (label, text, _) in shown)
                {
                    yield return $"- {label}: {OfflineText.Clip(text, 400)}\n";
                }
            }
        }
    }

    private static List<(string Label, string Text, bool Default)> ProfileLines(BrandProfile p)
    {
        var lines = new List<(string, string, bool)>();
        void Add(string label, string? text, bool shownByDefault)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add((label, text.Trim(), shownByDefault));
            }
        }

        Add("Positioning", p.PositioningStatement, true);
        Add("Target audience", p.TargetAudience, true);
        Add("Core problem", p.CoreProblem, false);
        Add("Brand voice", p.BrandVoice, true);
        Add("Vision", p.Vision, false);
        Add("Mission", p.Mission, false);
        Add("Description", p.Description, p.PositioningStatement is null);
        Add("Industry", p.Industry, false);
        if (p.Values.Count > 0)
        {
            Add("Values", string.Join("; ", p.Values.Select(v => $"{v.Name} ({v.Description})")), false);
        }

        return lines;
    }
}
