using BrandAutomator.Application.Analytics;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// Every <c>Analytics:CollectIntervalSeconds</c> on one node of the cluster (its trigger fires once for the cluster and
/// never overlaps itself): every ready tenant reads the metrics that are due (<see cref="CollectMetrics"/>). What is due
/// is kept in the tenant's tables, so a restart or another node picks up where the last run stopped.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MetricsCollectionJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<MetricsCollectionJob> logger) : IJob
{
    public static readonly JobKey Key = new("metrics-collection", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await EveryTenant.SendAsync(catalog, scopes, () => new CollectMetrics(),
            (tenantId, result) =>
            {
                if (result.Tracked + result.Read + result.Postponed + result.Stopped > 0)
                {
                    LogCollected(logger, tenantId, result.Tracked, result.Read, result.Postponed, result.Stopped, result.ConnectionsSkipped);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Metrics of tenant {TenantId}: {Tracked} posts newly tracked, {Read} read, {Postponed} postponed, {Stopped} stopped, {Skipped} connections skipped")]
    private static partial void LogCollected(ILogger logger, Guid tenantId, int tracked, int read, int postponed, int stopped, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collecting the metrics of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}

/// <summary>An extra firing of the cluster's collection job, now (it runs after the one in progress, if any).</summary>
public sealed class QuartzMetricsCollectionTrigger(ISchedulerFactory factory) : IMetricsCollectionTrigger
{
    public async Task RunSoonAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(MetricsCollectionJob.Key, cancellationToken);
    }
}
