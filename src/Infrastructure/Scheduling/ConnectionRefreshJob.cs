using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Social;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// On one node of the cluster at a time (its trigger fires once for the cluster and never overlaps itself): renews, for
/// every ready tenant, the connections whose access tokens run out within the configured lead time.
/// </summary>
public sealed partial class ConnectionRefreshJob(
    ICatalogDb catalog, IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, ILogger<ConnectionRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("connection-refresh", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ahead = TimeSpan.FromMinutes(options.Value.ConnectionRefreshAheadMinutes);
        await EveryTenant.SendAsync(catalog, scopes, () => new RefreshConnections(ahead),
            (tenantId, result) =>
            {
                if (result.Refreshed + result.Revoked + result.Failed > 0)
                {
                    LogRefreshed(logger, tenantId, result.Refreshed, result.Revoked, result.Failed);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connections of tenant {TenantId}: {Refreshed} renewed, {Revoked} revoked, {Failed} failed")]
    private static partial void LogRefreshed(ILogger logger, Guid tenantId, int refreshed, int revoked, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Renewing the connections of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}
