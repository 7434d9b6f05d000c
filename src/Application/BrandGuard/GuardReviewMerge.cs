using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Puts a model's review into the offline findings, trusting nothing it says without a passage it was given: a reason
/// citing a passage it was not given (or none, where the finding rests on one) is dropped; a new finding must cite a given
/// passage and name words the text holds; severities stay the offline rules'. The model never removes a finding: where it
/// disagrees, its objection is added to the finding's reason for the user to weigh. Tone becomes the model's judgement
/// when it cites the brand's tone description; otherwise the offline similarity stays.
/// </summary>
public static class GuardReviewMerge
{
    private const int MaxReason = 400;
    private const int MaxAddedPerText = 5;

    private static readonly Dictionary<string, (FindingKind Kind, FindingSeverity Severity)> Addable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BannedWord"] = (FindingKind.BannedWord, FindingSeverity.High),
        ["Name"] = (FindingKind.Name, FindingSeverity.Medium),
        ["UnsupportedClaim"] = (FindingKind.UnsupportedClaim, FindingSeverity.Medium),
        ["ContradictedClaim"] = (FindingKind.ContradictedClaim, FindingSeverity.High),
    };

    public static BrandCheckDto Merge(
        BrandCheckDto offline, IReadOnlyList<CheckVariantDto> variants, GuardReview review, GuardReviewBrief brief,
        IReadOnlyDictionary<int, ChatCitation> sources, IReadOnlyCollection<FindingSeverity> blocking, AiProviderInfo provider)
    {
        var dropped = 0;
        bool Cites(IReadOnlyList<int>? passages, bool required) =>
            passages is not null && passages.All(sources.ContainsKey) && (!required || passages.Count > 0);
        var byNumber = new Dictionary<int, ReviewedFinding>();
        foreach (var r in review.Findings ?? [])
        {
            var given = r.Finding >= 1 && r.Finding <= brief.Findings.Count ? brief.Findings[r.Finding - 1] : null;
            if (given is null || string.IsNullOrWhiteSpace(r.Reason) || !Cites(r.Passages, given.Passages.Count > 0) || byNumber.ContainsKey(r.Finding))
            {
                dropped++;
                continue;
            }

            byNumber[r.Finding] = r;
        }

        var results = new List<VariantCheckDto>();
        var number = 0;
        for (var v = 0; v < offline.Variants.Count; v++)
        {
            var variant = offline.Variants[v];
            var text = variants[v].Text ?? "";
            var findings = new List<FindingDto>();
            foreach (var f in variant.Findings)
            {
                findings.Add(byNumber.TryGetValue(++number, out var r) ? Reworded(f, r, sources) : f);
            }

            var added = 0;
            foreach (var a in (review.Added ?? []).Where(a => Same(a.Network, variant.Platform)))
            {
                if (added >= MaxAddedPerText || Added(a, text, findings, sources, Cites) is not { } finding)
                {
                    dropped++;
                    continue;
                }

                findings.Add(finding);
                added++;
            }

            var tone = variant.Tone;
            var judged = (review.Tone ?? []).FirstOrDefault(t => Same(t.Network, variant.Platform));
            if (brief.Tone && judged is not null)
            {
                if (!string.IsNullOrWhiteSpace(judged.Verdict) && judged.Passages is { Count: > 0 } && judged.Passages.All(brief.TonePassages.Contains))
                {
                    var source = Short(sources[judged.Passages[0]]);
                    var reasons = (judged.Reasons ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => Clip(x)).Take(3).ToList();
                    findings.RemoveAll(f => f.Kind == FindingKind.Tone);
                    if (!judged.OnBrand)
                    {
                        var why = reasons.Count > 0 ? string.Join(" ", reasons.Select(Sentence)) : Sentence(judged.Verdict);
                        findings.Add(new FindingDto(FindingKind.Tone, FindingSeverity.Low, Clip(why), 0, 0, "", source, null,
                            variant.Findings.FirstOrDefault(f => f.Kind == FindingKind.Tone)?.RuleId, false, true));
                    }

                    tone = new ToneScoreDto(tone?.Score ?? 0, Clip(judged.Verdict.Trim(), 80), source, reasons);
                }
                else
                {
                    dropped++;
                }
            }

            var marked = findings.Select(f => f with { Blocking = blocking.Contains(f.Severity) })
                .OrderByDescending(f => f.Severity).ThenBy(f => f.Start).ToList();
            results.Add(new VariantCheckDto(variant.Platform, marked, tone, marked.Any(f => f.Blocking)));
        }

        var note = dropped == 0
            ? null
            : $"The AI review gave {(dropped == 1 ? "1 answer" : $"{dropped} answers")} without a passage of your documents it was given; {(dropped == 1 ? "it was" : "they were")} left out.";
        return offline with
        {
            Variants = results,
            Blocking = results.Any(r => r.Blocking),
            Offline = false,
            ModelReviewed = true,
            ModelNote = note,
            Method = $"Rules read from your documents and figures checked against your current documents; the reasons and the tone reviewed by the AI model ({provider.Model}), citing only those documents.",
        };
    }

    private static FindingDto Reworded(FindingDto f, ReviewedFinding r, IReadOnlyDictionary<int, ChatCitation> sources)
    {
        var source = f.Source ?? (r.Passages.Count > 0 ? Short(sources[r.Passages[0]]) : null);
        // A disagreement never clears a finding: the user sees both the rule and the model's objection.
        var reason = r.Agrees ? Clip(r.Reason) : $"{Sentence(f.Reason)} The AI review questions this: {Clip(Sentence(r.Reason))}";
        return f with { Reason = reason, Source = source, ByModel = true };
    }

    private static FindingDto? Added(
        AddedFinding a, string text, List<FindingDto> findings, IReadOnlyDictionary<int, ChatCitation> sources, Func<IReadOnlyList<int>?, bool, bool> cites)
    {
        var words = a.Words?.Trim() ?? "";
        var start = words.Length >= 2 ? text.IndexOf(words, StringComparison.OrdinalIgnoreCase) : -1;
        if (start < 0 || !Addable.TryGetValue(a.Kind ?? "", out var kind) || string.IsNullOrWhiteSpace(a.Reason) || !cites(a.Passages, true)
            || findings.Any(f => f.Length > 0 && f.Start < start + words.Length && start < f.Start + f.Length))
        {
            return null;
        }

        return new FindingDto(kind.Kind, kind.Severity, Clip(a.Reason), start, words.Length, text.Substring(start, words.Length),
            Short(sources[a.Passages[0]]), null, null, false, true);
    }

    private static bool Same(string? network, SocialPlatform platform) =>
        string.Equals(network?.Trim(), platform.ToString(), StringComparison.OrdinalIgnoreCase);

    private static ChatCitation Short(ChatCitation c) =>
        c with { Marker = 1, Snippet = c.Snippet.Length > 240 ? c.Snippet[..239] + "…" : c.Snippet };

    private static string Sentence(string s)
    {
        var t = s.Trim();
        return t.Length == 0 || ".!?".Contains(t[^1]) ? t : t + ".";
    }

    private static string Clip(string s, int max = MaxReason)
    {
        var t = s.Trim();
        return t.Length > max ? t[..(max - 1)] + "…" : t;
    }
}
