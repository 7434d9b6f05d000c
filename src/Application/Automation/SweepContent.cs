using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Automation;

public sealed record SweepResult(int Rescheduled, int Recovered, int Unconfirmed);

/// <summary>
/// The safety net, run every minute for each tenant: a Scheduled post that is overdue and has no trigger (its trigger
/// was never written, or was lost) gets one now; a post left in Publishing past its lease by a run that died is taken
/// back: Unconfirmed if a request may have gone out, due again at once if none did.
/// </summary>
public sealed record SweepContent : ICommand<SweepResult>;

public sealed partial class SweepContentHandler(
    ITenantDb db, IPublishScheduler scheduler, PublishingNotifier notifier, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<SweepContentHandler> logger) : ICommandHandler<SweepContent, SweepResult>
{
    private const int Batch = 200;

    public async ValueTask<SweepResult> Handle(SweepContent command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var overdueBefore = now - TimeSpan.FromSeconds(options.Value.SweepGraceSeconds);
        List<Guid> overdue;
        List<ContentItem> stuck;
        // Both reads on one connection lease: the sweep visits every tenant every minute, and nearly always finds nothing.
        await using (await db.HoldConnectionAsync(cancellationToken))
        {
            overdue = await db.ContentItems.AsNoTracking()
                .Where(c => c.State == ContentState.Scheduled && c.DueAt < overdueBefore)
                .OrderBy(c => c.DueAt).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            stuck = await db.ContentItems
                .Where(c => c.State == ContentState.Publishing && c.LeaseExpiresAt < now)
                .OrderBy(c => c.LeaseExpiresAt).Take(Batch).ToListAsync(cancellationToken);
        }

        // Overdue posts still waiting for their turn (at a peak, thousands) keep their triggers; only those without one
        // get one, in one statement.
        var rescheduled = await scheduler.ScheduleMissingAsync(overdue.Select(id => (id, now)).ToList(), cancellationToken);
        int recovered = 0, unconfirmed = 0;
        foreach (var item in stuck)
        {
            var runId = item.CurrentRunId;
            var sending = await db.PublishAttempts.Where(a => a.RunId == runId && a.Outcome == PublishOutcome.Sending).ToListAsync(cancellationToken);
            foreach (var attempt in sending)
            {
                attempt.Finish(PublishOutcome.Unconfirmed, null, "Publishing stopped while this request was out; its answer never arrived.", now);
            }

            var task = await db.AutomationTasks.SingleOrDefaultAsync(t => t.Id == runId, cancellationToken);
            // A first comment cut off leaves only itself unconfirmed (the next run reports it, the post stays as it was).
            var mayHaveGoneOut = sending.Any(a => a.PartKind != PublishPartKind.FirstComment);
            item.RecoverAbandonedRun(mayHaveGoneOut, now);
            Notification? notification = null;
            if (mayHaveGoneOut)
            {
                var networks = string.Join(", ", sending.Where(a => a.PartKind != PublishPartKind.FirstComment).Select(a => Domain.Social.PlatformRules.DisplayName(a.Platform)).Distinct());
                task?.Finish(AutomationTaskState.Unconfirmed, $"Publishing stopped while the request to {networks} was out.", now);
                notification = notifier.Add(item, unconfirmed: true, $"Publishing stopped while the request to {networks} was out.");
            }
            else
            {
                task?.Finish(AutomationTaskState.Retrying, "Publishing stopped before any request went out; sent again.", now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The run came back to life and finished, or another node's sweep got there first.
                db.DiscardChanges();
                continue;
            }

            LogRecovered(logger, item.Id, mayHaveGoneOut);
            if (notification is null)
            {
                recovered++;
                await scheduler.ScheduleAsync(item.Id, now, cancellationToken);
            }
            else
            {
                unconfirmed++;
                await notifier.EmailAsync(item, notification, cancellationToken);
            }
        }

        return new SweepResult(rescheduled, recovered, unconfirmed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took back post {ItemId} from a run that died (request may have gone out: {MayHaveGoneOut})")]
    private static partial void LogRecovered(ILogger logger, Guid itemId, bool mayHaveGoneOut);
}
