using System.Runtime.CompilerServices;
using BrandAutomator.Application.Ai;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// The strategist without a model: quotes the sentences of the best passages that share the question's words, with
/// their citations, then the profile fields that bear on it. The same question over the same data gives the same answer.
/// </summary>
public sealed class OfflineBrandStrategist : IBrandStrategist
{
    private const int QuotedPassages = 3;

    public async IAsyncEnumerable<StrategistChunk> AnswerAsync(StrategistQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var piece in Compose(question))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StrategistChunk(piece, null);
            // Lets each piece go out as its own event, as a model's chunks would.
            await Task.Yield();
        }
    }

    public static IEnumerable<string> Compose(StrategistQuestion question)
    {
        yield return "_Offline mode: no AI provider is configured, so this answer quotes your documents and profile instead of being written by a model._\n\n";
        var terms = GroundingRetriever.Terms(question.Question);
        if (question.Passages.Count > 0)
        {
            yield return "Here is what your documents say about this:\n\n";
            foreach (var passage in question.Passages.Take(QuotedPassages))
            {
                var where = passage.Page is { } page ? $"{passage.AssetName}, page {page}" : passage.AssetName;
                yield return $"- “{OfflineText.Clip(GroundingRetriever.BestSentence(passage.Text, terms), 400)}” ({where}) [{passage.Number}]\n";
            }

            if (question.Passages.Count > QuotedPassages)
            {
                yield return "\nRelated passages: " +
                    string.Join(", ", question.Passages.Skip(QuotedPassages).Select(p => $"{p.AssetName} [{p.Number}]")) + ".\n";
            }
        }
        else
        {
            yield return "None of your uploaded documents mention this yet. Upload documents that cover it (brand book, product sheets, customer research) to get answers grounded in them.\n";
        }

        if (question.Profile is { } profile)
        {
            var fields = ProfileLines(profile);
            var relevant = fields.Where(f => terms.Any(t => f.Text.Contains(t, StringComparison.OrdinalIgnoreCase))).ToList();
            var shown = (relevant.Count > 0 ? relevant : fields.Where(f => f.Default).ToList()).Take(3).ToList();
            if (shown.Count > 0)
            {
                yield return $"\nFrom the profile of {profile.Name}:\n\n";
                foreach (var (label, text, _) in shown)
                {
                    yield return $"- {label}: {OfflineText.Clip(text, 400)}\n";
                }
            }
        }

        yield return "\nConfigure an AI provider (Ai:Provider = Gemini or OpenAiCompatible) for written answers that draw on the same sources.";
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
