using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Drive;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// On one node of the cluster at a time (its trigger fires once for the cluster and never overlaps itself): for every
/// ready tenant, the imported Drive folders kept in sync read the changes since their saved token; imports whose job
/// was lost are started.
/// </summary>
public sealed partial class DriveSyncJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<DriveSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("drive-sync", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await EveryTenant.SendAsync(catalog, scopes, () => new SyncDriveSources(),
            (tenantId, result) =>
            {
                if (result.Imported + result.Archived + result.Skipped > 0)
                {
                    LogSynced(logger, tenantId, result.Runs, result.Imported, result.Archived, result.Skipped);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drive sync of tenant {TenantId}: {Runs} runs, {Imported} imported, {Archived} archived, {Skipped} skipped")]
    private static partial void LogSynced(ILogger logger, Guid tenantId, int runs, int imported, int archived, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing the Drive folders of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}
