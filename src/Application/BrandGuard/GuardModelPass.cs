using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.BrandGuard;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The brand check's second pass with a model (Gemini or an OpenAI-compatible API): the model gets the post, the offline
/// findings and the passages they rest on, and gives better reasons, findings the rules missed and a tone judgement with
/// reasons, as JSON. Its answer is checked against what it was given (<see cref="GuardReviewMerge"/>). A request is
/// counted against the plan's AI requests and the answer cached by its exact input (the texts, the findings and the
/// passages, which change with the documents), so asking again for the same post costs nothing. Any failure, a time-out
/// or a used-up month leaves the offline findings, saying so.
/// </summary>
public sealed class GuardModelPass(IBrandGuardReviewer reviewer, CachedAiCall ai, IAiProvider provider)
{
    public const string Kind = "brand-check";

    // Part of the cache key: a change to the brief's shape or the merge's rules must not serve old answers.
    private const string Revision = "guard-review-1";

    public async Task<BrandCheckDto> ReviewAsync(
        BrandCheckDto offline, IReadOnlyList<CheckVariantDto> variants, IReadOnlyList<BrandRule> rules, bool withTone,
        IReadOnlyCollection<FindingSeverity> blocking, CancellationToken cancellationToken)
    {
        var (brief, sources) = Brief(offline, variants, rules, withTone);
        GuardReview review;
        try
        {
            (review, _) = await ai.RunAsync(AiRequestKey.For(provider.Info, Kind, new { Revision, brief }), Kind,
                ct => reviewer.ReviewAsync(brief, ct), cancellationToken);
        }
        catch (ExternalServiceException ex)
        {
            return offline with { ModelNote = $"The AI review is missing: {ex.Message.TrimEnd()} These are the offline findings." };
        }
        catch (PlanLimitException)
        {
            return offline with { ModelNote = "This month's AI requests are used up, so these are the offline findings." };
        }

        return GuardReviewMerge.Merge(offline, variants, review, brief, sources, blocking, provider.Info);
    }

    /// <summary>The brief, and the citation behind each passage number.</summary>
    private static (GuardReviewBrief Brief, IReadOnlyDictionary<int, ChatCitation> Sources) Brief(
        BrandCheckDto offline, IReadOnlyList<CheckVariantDto> variants, IReadOnlyList<BrandRule> rules, bool withTone)
    {
        var sources = new Dictionary<int, ChatCitation>();
        var numbers = new Dictionary<(Guid, string), int>();
        int Number(ChatCitation c)
        {
            if (!numbers.TryGetValue((c.ChunkId, c.Snippet), out var n))
            {
                n = numbers[(c.ChunkId, c.Snippet)] = sources.Count + 1;
                sources[n] = c with { Marker = n };
            }

            return n;
        }

        var findings = new List<GuardReviewFinding>();
        for (var v = 0; v < offline.Variants.Count; v++)
        {
            foreach (var f in offline.Variants[v].Findings)
            {
                findings.Add(new GuardReviewFinding(findings.Count + 1, variants[v].Platform.ToString(), f.Kind.ToString(), f.Severity.ToString(),
                    f.Excerpt, f.Reason, f.Source is { } s ? [Number(s)] : []));
            }
        }

        var tonePassages = withTone
            ? rules.Where(r => r.Enabled && r.Kind == BrandRuleKind.Tone).Select(BrandRuleDto.Citation).OfType<ChatCitation>()
                .Select(c => Number(c with { Snippet = TonePassage(rules, c) })).Distinct().ToList()
            : [];
        var passages = sources.Values.OrderBy(c => c.Marker).Select(c => new GuardReviewPassage(c.Marker, c.AssetName, c.Page, c.Snippet)).ToList();
        var texts = variants.Select(v => new GuardReviewText(v.Platform.ToString(), v.Text ?? "")).ToList();
        return (new GuardReviewBrief(texts, findings, passages, tonePassages, withTone && tonePassages.Count > 0), sources);
    }

    /// <summary>A tone rule's whole description (its citation holds only the first sentence).</summary>
    private static string TonePassage(IReadOnlyList<BrandRule> rules, ChatCitation citation) =>
        rules.First(r => r.Kind == BrandRuleKind.Tone && r.SourceChunkId == citation.ChunkId).Term;
}
