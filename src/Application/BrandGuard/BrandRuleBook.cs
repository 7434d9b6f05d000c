using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The brand's rules, kept in step with its documents: whenever the current ready documents or the company names differ
/// from those the rules were last read from (an upload processed, a document archived, restored or deleted), the rules
/// are read again before they are used. Archived documents are never read. A rule the team edited or switched off
/// stays as the team left it; rules the team added are never touched. A document of one brand gives that brand's rules;
/// a document with no brand gives workspace-wide rules, which every brand's posts follow.
/// </summary>
public sealed class BrandRuleBook(ITenantDb db, IGuardEvidence evidence, TimeProvider clock)
{
    /// <summary>The rules a post of one brand follows (its own and the workspace-wide ones; null: the workspace-wide ones alone).</summary>
    public async Task<IReadOnlyList<BrandRule>> ForBrandAsync(Guid? companyId, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Where(r => r.AppliesTo(companyId)).ToList();

    /// <summary>What a check of a post of one brand needs: the rules it follows and the severities the workspace has chosen to block.</summary>
    public async Task<(IReadOnlyList<BrandRule> Rules, IReadOnlyList<FindingSeverity> Blocking)> ForCheckAsync(
        Guid? companyId, CancellationToken cancellationToken)
    {
        var (rules, settings) = await ReadAsync(cancellationToken);
        return (rules.Where(r => r.AppliesTo(companyId)).ToList(), settings?.BlockingSeverities ?? [FindingSeverity.High]);
    }

    /// <summary>Every rule of every brand, read again from the documents first when they changed.</summary>
    public async Task<IReadOnlyList<BrandRule>> CurrentAsync(CancellationToken cancellationToken) => (await ReadAsync(cancellationToken)).Rules;

    private async Task<(IReadOnlyList<BrandRule> Rules, TenantSettings? Settings)> ReadAsync(CancellationToken cancellationToken)
    {
        var source = await evidence.SourceFingerprintAsync(cancellationToken);
        var settings = await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings?.BrandRulesSource != source)
        {
            await RereadAsync(cancellationToken);
            settings = await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        }

        return (await db.BrandRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Term).ToListAsync(cancellationToken), settings);
    }

    private async Task RereadAsync(CancellationToken cancellationToken)
    {
        // A check made inside a transactional command (an import that schedules) reads the rules in that transaction.
        await using var transaction = db.InTransaction ? null : await db.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(TenantLock.BrandRules, cancellationToken);
        // Read again under the lock: another request may have just done it.
        var source = await evidence.SourceFingerprintAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var settings = await db.TenantSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = TenantSettings.Defaults(now);
            db.TenantSettings.Add(settings);
        }
        else if (settings.BrandRulesSource == source)
        {
            return;
        }

        var passages = await evidence.CurrentPassagesAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var extracted = Extract(passages, companies.ToDictionary(c => c.Id, c => c.Name));
        var existing = await db.BrandRules.Where(r => r.Origin == BrandRuleOrigin.Documents).ToListAsync(cancellationToken);
        foreach (var rule in existing)
        {
            if (extracted.Remove((rule.CompanyId, rule.Key), out var found))
            {
                rule.Refresh(found.Suggestion, found.Limit, found.Source, now);
            }
            else if (!rule.EditedByTeam)
            {
                db.BrandRules.Remove(rule);
            }
        }

        foreach (var ((company, _), rule) in extracted)
        {
            db.BrandRules.Add(BrandRule.FromDocuments(rule.Kind, rule.Term, rule.Suggestion, rule.Platform, rule.Limit, rule.Source, now, company));
        }

        settings.RulesReadFrom(source, now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The rules of the workspace's documents (with every company's name) and of each brand's (with its own name), by
    /// brand and key; a brand's document repeating a workspace-wide rule adds nothing (a post would hear it twice).
    /// </summary>
    private static Dictionary<(Guid? Company, string Key), ExtractedRule> Extract(
        IReadOnlyList<RulePassage> passages, IReadOnlyDictionary<Guid, string> companies)
    {
        var rules = RuleExtraction.Extract(passages.Where(p => p.CompanyId is null).ToList(), companies.Values.ToList())
            .ToDictionary(r => ((Guid?)null, r.Key));
        foreach (var group in passages.Where(p => p.CompanyId is not null && companies.ContainsKey(p.CompanyId.Value)).GroupBy(p => p.CompanyId!.Value))
        {
            foreach (var rule in RuleExtraction.Extract(group.ToList(), [companies[group.Key]]))
            {
                if (!rules.ContainsKey((null, rule.Key)))
                {
                    rules[(group.Key, rule.Key)] = rule;
                }
            }
        }

        return rules;
    }
}
