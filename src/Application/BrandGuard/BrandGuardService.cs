using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Checks a post's network texts against the brand: its rules (banned words, names, hashtags), its current documents
/// (every price, number, date, award) and its tone. Findings are marked blocking by the workspace's chosen severities.
/// A post is judged by its brand's rules and documents and the workspace-wide ones, never another brand's. With a model
/// configured and asked for, <see cref="GuardModelPass"/> reviews the offline findings; otherwise they are the answer.
/// </summary>
public sealed class BrandGuardService(
    ITenantDb db, BrandRuleBook rules, IGuardEvidence evidence, ToneJudge tone, IAiProvider provider, GuardModelPass model)
{
    // A post is a few sentences; a text that is mostly figures is checked on its first ones, keeping the check fast.
    private const int MaxClaimsPerText = 30;

    public const string OfflineMethod =
        "Rules read from your documents, figures checked against your current documents, tone compared by sentence similarity.";

    /// <summary>
    /// The findings of a post of brand <paramref name="companyId"/> (null: no brand chosen, which in a workspace of one
    /// brand means that brand); <paramref name="withModel"/> asks the configured model to review them.
    /// </summary>
    public async Task<BrandCheckDto> CheckAsync(
        Guid? companyId, IReadOnlyList<CheckVariantDto> variants, bool withTone, bool withModel, CancellationToken cancellationToken)
    {
        var brand = await BrandOfAsync(companyId, cancellationToken);
        var (book, blocking) = await rules.ForCheckAsync(brand, cancellationToken);
        // The tone is the slow part (a sentence embedding on the CPU, no database): it runs while the figures are judged.
        var tones = variants.Select(v => withTone ? tone.JudgeAsync(v.Text ?? "", book, cancellationToken) : null).ToList();
        var claims = variants.Select(v => (IReadOnlyList<Claim>)Claims.In(v.Text ?? "").Take(MaxClaimsPerText).ToList()).ToList();
        StatementIndex statements;
        try
        {
            statements = claims.Any(c => c.Count > 0) ? await evidence.StatementsAsync(brand, cancellationToken) : StatementIndex.Empty;
        }
        catch
        {
            // The tone's work is still running: let it end before this failure goes up (its own is not the one to report).
            await Task.WhenAll(tones.OfType<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }


        var results = new List<VariantCheckDto>();
        for (var i = 0; i < variants.Count; i++)
        {
            var findings = RuleChecks.Check(variants[i].Text ?? "", variants[i].Platform, book).Concat(ClaimJudge.Judge(claims[i], statements)).ToList();
            ToneScoreDto? score = null;
            if (tones[i] is { } judging && await judging is { } judged)
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

        var offline = new BrandCheckDto(results, results.Any(r => r.Blocking), true, OfflineMethod, book.Count(r => r.Enabled));
        return withModel && !provider.Info.IsOffline
            ? await model.ReviewAsync(offline, variants, book, withTone, blocking, cancellationToken)
            : offline;
    }

    /// <summary>The brand a post is judged as: its own, or the workspace's only brand when it names none.</summary>
    private async Task<Guid?> BrandOfAsync(Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is not null)
        {
            return companyId;
        }

        var brands = await db.Companies.AsNoTracking().Select(c => c.Id).Take(2).ToListAsync(cancellationToken);
        return brands.Count == 1 ? brands[0] : null;
    }
}
