using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Recurring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Every <c>Scheduler:RecurringIntervalSeconds</c> on one node of the cluster (never overlapping itself): tops up every
/// ready tenant's recurring posts to eight weeks ahead (<see cref="MakeRecurringPosts"/>), one tenant at a time.
/// </summary>
public sealed partial class RecurringPostsJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<RecurringPostsJob> logger) : IJob
{
    public static readonly JobKey Key = new("recurring-posts", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await EveryTenant.SendAsync(catalog, scopes, () => new MakeRecurringPosts(),
            (tenantId, made) =>
            {
                if (made > 0)
                {
                    LogMade(logger, tenantId, made);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring posts of tenant {TenantId}: {Made} occurrences made")]
    private static partial void LogMade(ILogger logger, Guid tenantId, int made);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring posts of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}
