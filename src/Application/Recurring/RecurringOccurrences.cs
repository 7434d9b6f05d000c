using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// Makes the occurrences of recurring series that fall within the horizon, each a post of its own: scheduled when it
/// can be, waiting for review when the workspace requires approval, and otherwise a draft that says why (a network
/// not connected, a text over a network's limit) with a notification. One occurrence's trouble never stops the others.
/// </summary>
internal static class RecurringOccurrences
{
    public const string ProblemKind = "recurring-not-scheduled";

    /// <summary>
    /// Adds the missing occurrences to the unit of work and returns those to give a publishing trigger once saved. The
    /// caller holds the workspace's recurring lock in an open transaction; the unique (series, index) key backs it up.
    /// </summary>
    public static async Task<List<(Guid ItemId, DateTimeOffset At)>> MakeAsync(
        ITenantDb db, IReadOnlyList<RecurringSeries> series, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var triggers = new List<(Guid, DateTimeOffset)>();
        if (series.Count == 0)
        {
            return triggers;
        }

        var approvalRequired = await ContentReader.ApprovalRequiredAsync(db, cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        var ids = series.Select(s => s.Id).ToList();
        var made = (await db.ContentItems.AsNoTracking().Where(c => c.SeriesId != null && ids.Contains(c.SeriesId.Value))
                .Select(c => new { c.SeriesId, c.SeriesIndex }).ToListAsync(cancellationToken))
            .Select(c => (c.SeriesId!.Value, c.SeriesIndex!.Value)).ToHashSet();
        foreach (var one in series)
        {
            string? mediaProblem = null;
            var assetTypes = new Dictionary<Guid, Domain.Assets.AssetType>();
            try
            {
                assetTypes = await ContentReader.AssetTypesAsync(db, one.Variants, cancellationToken);
            }
            catch (InputValidationException e)
            {
                mediaProblem = Words(e);
            }

            foreach (var (index, local, at) in one.Pending(zone, now + RecurringSeries.Horizon).ToList())
            {
                one.MadeUpTo(index, now);
                if (made.Contains((one.Id, index)))
                {
                    continue;
                }

                var item = ContentItem.Occurrence(one, index, at, now);
                try
                {
                    if (mediaProblem is not null)
                    {
                        throw new DomainRuleException(mediaProblem);
                    }

                    if (at < now - ContentItem.PastTolerance)
                    {
                        throw new DomainRuleException("its time had passed before it could be scheduled.");
                    }

                    if (approvalRequired)
                    {
                        // The workspace wants an admin's approval first: the occurrence waits in Approvals.
                        item.Submit(one.CreatedBy, now);
                    }
                    else
                    {
                        ConnectedNetworks.Ensure(item, connections, now, "schedule");
                        item.Schedule(at, approvalRequired: false, assetTypes, now);
                        triggers.Add((item.Id, at));
                    }
                }
                catch (Exception e) when (e is DomainRuleException or InputValidationException)
                {
                    var reason = $"This post of the series could not be scheduled: {Words(e)}";
                    item.NoteNotScheduled(reason, now);
                    db.Notifications.Add(Notification.Create(ProblemKind,
                        $"\"{one.Title}\" on {local:d MMMM} was not scheduled", reason, item.Id, now));
                }

                db.ContentItems.Add(item);
            }
        }

        return triggers;
    }

    private static string Words(Exception e) => e is InputValidationException invalid
        ? string.Join(" ", invalid.Errors.Values.SelectMany(m => m))
        : e.Message;
}
