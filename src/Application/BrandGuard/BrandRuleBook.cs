using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The brand's rules, kept in step with its documents: whenever the current ready documents or the company names differ
/// from those the rules were last read from (an upload processed, a document archived, restored or deleted), the rules
/// are read again before they are used. Archived documents are never read. A rule the team edited or switched off
/// stays as the team left it; rules the team added are never touched.
/// </summary>
public sealed class BrandRuleBook(ITenantDb db, IGuardEvidence evidence, TimeProvider clock)
{
    /// <summary>Every rule, read again from the documents first when they changed.</summary>
    public async Task<IReadOnlyList<BrandRule>> CurrentAsync(CancellationToken cancellationToken)
    {
        var source = await evidence.SourceFingerprintAsync(cancellationToken);
        var settings = await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings?.BrandRulesSource != source)
        {
            await RereadAsync(cancellationToken);
        }

        return await db.BrandRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Term).ToListAsync(cancellationToken);
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
        var names = await db.Companies.AsNoTracking().Select(c => c.Name).ToListAsync(cancellationToken);
        var extracted = RuleExtraction.Extract(passages, names).ToDictionary(r => r.Key);
        var existing = await db.BrandRules.Where(r => r.Origin == BrandRuleOrigin.Documents).ToListAsync(cancellationToken);
        foreach (var rule in existing)
        {
            if (extracted.Remove(rule.Key, out var found))
            {
                rule.Refresh(found.Suggestion, found.Limit, found.Source, now);
            }
            else if (!rule.EditedByTeam)
            {
                db.BrandRules.Remove(rule);
            }
        }

        foreach (var rule in extracted.Values)
        {
            db.BrandRules.Add(BrandRule.FromDocuments(rule.Kind, rule.Term, rule.Suggestion, rule.Platform, rule.Limit, rule.Source, now));
        }

        settings.RulesReadFrom(source, now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
