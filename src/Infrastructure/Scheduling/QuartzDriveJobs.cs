using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Drive;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>A trigger that fires now for the source's durable job (one job per tenant and source, one trigger per request).</summary>
public sealed class QuartzDriveJobs(ISchedulerFactory factory, ITenantContext tenant) : IDriveJobs
{
    public async Task RunSoonAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var key = DriveImportJob.KeyFor(tenant.TenantId, sourceId);
        var job = JobBuilder.Create<DriveImportJob>()
            .WithIdentity(key)
            .UsingJobData(PublishContentJob.TenantKey, tenant.TenantId.ToString())
            .UsingJobData(DriveImportJob.SourceKey, sourceId.ToString())
            .StoreDurably(false)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{key.Name}.{Guid.NewGuid():N}", DriveImportJob.Group)
            .ForJob(key)
            .StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        // Replace: the job may exist with a trigger of an earlier request still waiting; both stay and run in turn.
        await scheduler.ScheduleJobs(
            new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [trigger] },
            new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
