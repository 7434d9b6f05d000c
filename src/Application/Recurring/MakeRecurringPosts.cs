using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// The clustered job's step for one workspace: makes every series' occurrences that have come within the horizon.
/// Safe to run on two nodes at once (a lock per workspace, and one post per series and occurrence).
/// </summary>
public sealed record MakeRecurringPosts : ICommand<int>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class MakeRecurringPostsHandler(
    ITenantDb db, CommandTransaction transaction, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<MakeRecurringPosts, int>
{
    public async ValueTask<int> Handle(MakeRecurringPosts command, CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.LockAsync(Common.Ports.TenantLock.Recurring, cancellationToken);
        // Series that still have occurrences to make; the rule says when a series is over, so the check is in memory.
        var series = (await db.RecurringSeries.Where(s => s.ContinuedBy == null || s.EndsBeforeIndex > s.Made).ToListAsync(cancellationToken))
            .Where(s => s.Pending(zone, now + Domain.Content.RecurringSeries.Horizon).Any())
            .ToList();
        var added = db.ContentItems.Local.Count;
        var triggers = await RecurringOccurrences.MakeAsync(db, series, zone, now, cancellationToken);
        var made = db.ContentItems.Local.Count - added;
        await db.SaveChangesAsync(cancellationToken);
        if (triggers.Count > 0)
        {
            transaction.AfterCommit(ct => scheduler.ScheduleNewAsync(triggers, ct));
        }

        return made;
    }
}
