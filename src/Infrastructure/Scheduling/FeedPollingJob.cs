using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Every <c>Feeds:PollIntervalSeconds</c> on one node of the cluster (never overlapping itself): checks every ready
/// tenant's feeds that are due (<see cref="PollFeeds"/>); each feed keeps its own interval and backoff.
/// </summary>
public sealed partial class FeedPollingJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<FeedPollingJob> logger) : IJob
{
    public static readonly JobKey Key = new("feed-polling", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await EveryTenant.SendAsync(catalog, scopes, () => new PollFeeds(),
            (tenantId, result) =>
            {
                if (result.Checked > 0)
                {
                    LogPolled(logger, tenantId, result.Checked, result.Posts, result.Failed, result.Paused);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feeds of tenant {TenantId}: {Checked} checked, {Posts} posts, {Failed} failed, {Paused} paused")]
    private static partial void LogPolled(ILogger logger, Guid tenantId, int @checked, int posts, int failed, int paused);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feeds of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}
