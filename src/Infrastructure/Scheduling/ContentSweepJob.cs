using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Every minute on one node of the cluster (its trigger fires once for the cluster, and it never overlaps itself): the
/// <see cref="SweepContent"/> of every ready tenant, each in its own scope set to that tenant.
/// </summary>
public sealed partial class ContentSweepJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<ContentSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("content-sweep", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await EveryTenant.SendAsync(catalog, scopes, () => new SweepContent(),
            (tenantId, result) =>
            {
                if (result.Rescheduled + result.Recovered + result.Unconfirmed > 0)
                {
                    LogSwept(logger, tenantId, result.Rescheduled, result.Recovered, result.Unconfirmed);
                }
            },
            (tenantId, ex) => LogSweepFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep of tenant {TenantId}: {Rescheduled} rescheduled, {Recovered} recovered, {Unconfirmed} unconfirmed")]
    private static partial void LogSwept(ILogger logger, Guid tenantId, int rescheduled, int recovered, int unconfirmed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep of tenant {TenantId} failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, Guid tenantId);
}
