using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// One Quartz job per scheduled post of the current tenant, keyed by tenant and post, with one trigger at the post's
/// time. Scheduling deletes the job (and with it any trigger it had) and writes it again, so the old time cannot fire.
/// </summary>
public sealed class QuartzPublishScheduler(ISchedulerFactory factory, ITenantContext tenant) : IPublishScheduler
{
    public Task ScheduleAsync(Guid itemId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync([(itemId, at)], cancellationToken);

    public Task ScheduleAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        WriteAsync(items, replace: true, cancellationToken);

    public Task ScheduleNewAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        WriteAsync(items, replace: false, cancellationToken);

    private async Task WriteAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, bool replace, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobs = items.Select(i => Build(i.ItemId, i.At)).ToList();
        if (replace)
        {
            await scheduler.DeleteJobs(jobs.Select(j => j.Job.Key).ToList(), cancellationToken);
        }

        await scheduler.ScheduleJobs(
            jobs.ToDictionary(j => j.Job, j => (IReadOnlyCollection<ITrigger>)[j.Trigger]),
            new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    private (IJobDetail Job, ITrigger Trigger) Build(Guid itemId, DateTimeOffset at)
    {
        var key = PublishContentJob.KeyFor(tenant.TenantId, itemId);
        var job = JobBuilder.Create<PublishContentJob>()
            .WithIdentity(key)
            .UsingJobData(PublishContentJob.TenantKey, tenant.TenantId.ToString())
            .UsingJobData(PublishContentJob.ItemKey, itemId.ToString())
            .Build();
        // A new trigger name each time: a run that reschedules its own post never touches the trigger it is firing from.
        var trigger = TriggerBuilder.Create<PublishContentJob>()
            .WithIdentity($"{key.Name}.{Guid.NewGuid():N}", PublishContentJob.Group)
            .ForJob(key)
            .StartAt(at)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        return (job, trigger);
    }

    public async Task UnscheduleAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(PublishContentJob.KeyFor(tenant.TenantId, itemId), cancellationToken);
    }

    public async Task<bool> IsScheduledAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        return await scheduler.Exists(PublishContentJob.KeyFor(tenant.TenantId, itemId), cancellationToken);
    }
}
