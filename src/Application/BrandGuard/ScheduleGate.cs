using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// The brand guard at scheduling: every post is checked as it stands (so one edited after approval is checked again);
/// a post with a finding of a severity the workspace blocks on is refused, unless an admin confirms, which is audited.
/// The publishing job does not check again: the decision was made here.
/// </summary>
public sealed class ScheduleGate(ITenantDb db, BrandGuardService guard, ICurrentUser user, IAuditLog audit)
{
    /// <summary>The posts let through by an admin's confirmation, with what was found; refuses when a post is blocked and not confirmed.</summary>
    public async Task<IReadOnlyList<(ContentItem Item, IReadOnlyList<FindingDto> Findings)>> EnsureAllowedAsync(
        IReadOnlyList<ContentItem> items, bool confirmed, CancellationToken cancellationToken)
    {
        var blocked = await BlockedAsync(items, cancellationToken);
        foreach (var (item, findings) in blocked)
        {
            if (!confirmed)
            {
                throw new BrandGuardBlockedException(item.Id,
                    $"\u201C{item.Title}\u201D has {Count(findings.Count)} that {(findings.Count == 1 ? "blocks" : "block")} scheduling: {Summary(findings)} An admin can confirm to schedule it anyway.");
            }

            if (user.Role != TenantRole.Admin)
            {
                throw new ForbiddenException("Only an admin can schedule a post the brand check blocks.");
            }
        }

        return blocked;
    }

    /// <summary>
    /// The posts (not yet scheduled) with a finding of a severity the workspace blocks on, with those findings; one check
    /// for every post at once, so the rules and the documents are read once however many posts there are.
    /// </summary>
    public async Task<IReadOnlyList<(ContentItem Item, IReadOnlyList<FindingDto> Findings)>> BlockedAsync(
        IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        var blocking = (await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.BlockingSeverities ?? [FindingSeverity.High];
        if (blocking.Count == 0)
        {
            return [];
        }

        // One check per brand: each post is judged by its own brand's rules and documents.
        var blocked = new Dictionary<ContentItem, IReadOnlyList<FindingDto>>();
        foreach (var brand in items.Where(i => i.State != ContentState.Scheduled).GroupBy(i => i.CompanyId))
        {
            var pending = brand.ToList();
            var variants = pending.SelectMany(i => i.Variants.Select(v => new CheckVariantDto(v.Platform, v.Text))).ToList();
            // Offline: the decision is the rules', deterministic and fast for a whole import; a model never clears a
            // blocking rule finding anyway (see GuardReviewMerge).
            var check = variants.Count == 0
                ? null
                : await guard.CheckAsync(brand.Key, variants, blocking.Contains(FindingSeverity.Low), withModel: false, cancellationToken);
            var next = 0;
            foreach (var item in pending)
            {
                var findings = (check?.Variants ?? []).Skip(next).Take(item.Variants.Count).SelectMany(v => v.Findings).Where(f => f.Blocking).ToList();
                next += item.Variants.Count;
                if (findings.Count > 0)
                {
                    blocked[item] = findings;
                }
            }
        }

        return items.Where(blocked.ContainsKey).Select(i => (i, blocked[i])).ToList();
    }

    /// <summary>The findings in a sentence or three, as the refusal says them.</summary>
    public static string Describe(IReadOnlyList<FindingDto> findings) => Summary(findings);

    /// <summary>Records each admin's confirmation, after the posts were scheduled.</summary>
    public async Task AuditAsync(IReadOnlyList<(ContentItem Item, IReadOnlyList<FindingDto> Findings)> overridden, CancellationToken cancellationToken)
    {
        foreach (var (item, findings) in overridden)
        {
            await audit.RecordAsync(AuditEventType.BrandGuardOverridden, user.TenantId, user.UserId,
                $"Scheduled \u201C{item.Title}\u201D ({item.Id}) despite {Count(findings.Count)}: {Summary(findings)}", cancellationToken);
        }
    }

    private static string Count(int n) => n == 1 ? "1 finding" : $"{n} findings";

    private static string Summary(IReadOnlyList<FindingDto> findings) =>
        string.Join(" ", findings.Take(3).Select(f => f.Reason)) + (findings.Count > 3 ? $" And {findings.Count - 3} more." : "");
}
