using BrandAutomator.Application.Analytics;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>
/// Every hour on one node of the cluster: each ready workspace whose 1st of the month has begun in its own time zone
/// sends its admins last month's report (<see cref="SendMonthlyReports"/>). Hourly, because workspaces' midnights fall
/// at every hour of the UTC day; what was sent is kept in each tenant's tables, so a run repeated, on another node or
/// after a restart sends nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MonthlyReportJob(ICatalogDb catalog, IServiceScopeFactory scopes, ILogger<MonthlyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("monthly-analytics-report", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await EveryTenant.SendAsync(catalog, scopes, () => new SendMonthlyReports(),
            (tenantId, result) =>
            {
                if (result.Sent > 0)
                {
                    LogSent(logger, tenantId, result.Month!, result.Sent);
                }
            },
            (tenantId, ex) => LogFailed(logger, ex, tenantId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly report of {Month} for tenant {TenantId} sent to {Sent} admins")]
    private static partial void LogSent(ILogger logger, Guid tenantId, string month, int sent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the monthly report of tenant {TenantId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid tenantId);
}
