using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Automation;

/// <summary>Reads the automation activity feed (every run, newest first, with its requests); the feed and the dashboard share it.</summary>
internal static class AutomationActivity
{
    public static async Task<AutomationTaskPage> ReadPageAsync(
        ITenantDb db, Guid? contentItemId, AutomationTaskState? state, int page, int pageSize, CancellationToken cancellationToken)
    {
        var tasks = db.AutomationTasks.AsNoTracking();
        if (contentItemId is { } itemId)
        {
            tasks = tasks.Where(t => t.ContentItemId == itemId);
        }

        if (state is { } wanted)
        {
            tasks = tasks.Where(t => t.State == wanted);
        }

        var total = await tasks.CountAsync(cancellationToken);
        var rows = await tasks.OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var runIds = rows.Select(t => t.Id).ToList();
        var attempts = await db.PublishAttempts.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.StartedAt)
            .ToListAsync(cancellationToken);
        return new AutomationTaskPage(
            rows.Select(t => new AutomationTaskDto(t.Id, t.Kind, t.ContentItemId, t.SubjectId, t.Title, t.State, t.Result, t.StartedAt, t.FinishedAt,
                attempts.Where(a => a.RunId == t.Id)
                    .Select(a => new PublishAttemptDto(a.Id, a.Platform, a.Outcome, a.PlatformPostId, a.Error, a.StartedAt, a.FinishedAt, a.PartKind, a.Part))
                    .ToList(), t.RemainingSteps)).ToList(),
            page, pageSize, total);
    }
}
