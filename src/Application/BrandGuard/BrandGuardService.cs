using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Checks a post's network texts against the brand: its rules (banned words, names, hashtags), its current documents
/// (every price, number, date, award) and its tone. Findings are marked blocking by the workspace's chosen severities.
/// </summary>
public sealed class BrandGuardService(ITenantDb db, BrandRuleBook rules, IGuardEvidence evidence, ToneJudge tone, IAiProvider provider)
{
    // A post is a few sentences; a text that is mostly figures is checked on its first ones, keeping the check fast.
    private const int MaxClaimsPerText = 30;

    public async Task<BrandCheckDto> CheckAsync(IReadOnlyList<CheckVariantDto> variants, bool withTone, CancellationToken cancellationToken)
    {
        var book = await rules.CurrentAsync(cancellationToken);
        var blocking = (await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.BlockingSeverities ?? [FindingSeverity.High];
        var claims = variants.Select(v => (IReadOnlyList<Claim>)Claims.In(v.Text ?? "").Take(MaxClaimsPerText).ToList()).ToList();
        var statements = claims.Any(c => c.Count > 0) ? await evidence.StatementsAsync(cancellationToken) : StatementIndex.Empty;

        var results = new List<VariantCheckDto>();
        for (var i = 0; i < variants.Count; i++)
        {
            var text = variants[i].Text ?? "";
            var findings = RuleChecks.Check(text, variants[i].Platform, book).Concat(ClaimJudge.Judge(claims[i], statements)).ToList();
            ToneScoreDto? score = null;
            if (withTone && await tone.JudgeAsync(text, book, cancellationToken) is { } judged)
            {
                score = judged.Score;
                if (judged.Finding is not null)
                {
                    findings.Add(judged.Finding);
                }
            }

            var marked = findings
                .Select(f => f with { Blocking = blocking.Contains(f.Severity) })
                .OrderByDescending(f => f.Severity).ThenBy(f => f.Start).ToList();
            results.Add(new VariantCheckDto(variants[i].Platform, marked, score, marked.Any(f => f.Blocking)));
        }

        // Offline or not, the findings come from the same rules and documents; a model is not asked (yet) for better reasons.
        return new BrandCheckDto(results, results.Any(r => r.Blocking), provider.Info.IsOffline,
            "Rules read from your documents, figures checked against your current documents, tone compared by sentence similarity.",
            book.Count(r => r.Enabled));
    }
}
