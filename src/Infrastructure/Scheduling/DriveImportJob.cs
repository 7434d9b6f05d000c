using BrandAutomator.Application.Drive;
using Mediator;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Runs one Drive source (its first import, or a sync asked for now) on whichever node acquires the trigger; its scope's
/// tenant comes from the job data (see <see cref="SchedulingSetup"/>). Kept in the database, so a queued import survives
/// a restart, and marked for recovery, so one cut short by a crash runs again; the source's claim keeps two runs apart.
/// </summary>
public sealed class DriveImportJob(ISender sender) : IJob
{
    public const string Group = "drive";
    public const string SourceKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sourceId = Guid.Parse(context.MergedJobDataMap[SourceKey]?.ToString() ?? throw new InvalidOperationException("The job has no source id."));
        await sender.Send(new RunDriveSource(sourceId), cancellationToken);
    }

    public static JobKey KeyFor(Guid tenantId, Guid sourceId) => new($"{tenantId:N}.{sourceId:N}", Group);
}
