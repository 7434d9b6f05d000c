using BrandAutomator.Application.Analytics;
using BrandAutomator.Application.Automation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BrandAutomator.Infrastructure.Analytics;

/// <summary>Metrics collection: each network's reader on a typed HTTP client, the clustered collection job and the monthly report job.</summary>
public static class AnalyticsSetup
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var timeout = TimeSpan.FromSeconds(configuration.GetSection(PublishingOptions.Section).Get<PublishingOptions>()?.RequestTimeoutSeconds ?? 30);
        AddReader<LinkedInMetricsReader>(services, timeout);
        AddReader<XMetricsReader>(services, timeout);
        AddReader<FacebookMetricsReader>(services, timeout);
        AddReader<InstagramMetricsReader>(services, timeout);
        AddReader<GoogleBusinessMetricsReader>(services, timeout);
        services.AddScoped<IMetricsCollectionTrigger, QuartzMetricsCollectionTrigger>();
        services.AddSingleton<IAnalyticsPdfWriter, PdfAnalyticsWriter>();
        return services;
    }

    /// <summary>The collection job on the cluster's scheduler (called inside the one <c>AddQuartz</c>).</summary>
    public static void ScheduleMetricsCollection(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AnalyticsOptions.Section).Get<AnalyticsOptions>() ?? new AnalyticsOptions();
        quartz.ScheduleJob<MetricsCollectionJob>(
            trigger => trigger.WithIdentity("metrics-collection", "system")
                .WithSimpleSchedule(TimeSpan.FromSeconds(settings.CollectIntervalSeconds), null),
            job => job.WithIdentity(MetricsCollectionJob.Key).DisallowConcurrentExecution());
        quartz.ScheduleMonthlyReports();
    }

    /// <summary>
    /// The monthly report job, hourly at seven past (each workspace sends on its own 1st, in its own zone; see
    /// <see cref="SendMonthlyReports"/>).
    /// </summary>
    public static void ScheduleMonthlyReports(this IQuartzBuilder quartz) =>
        quartz.ScheduleJob<MonthlyReportJob>(
            trigger => trigger.WithIdentity("monthly-analytics-report", "system").WithCronSchedule("0 7 * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(MonthlyReportJob.Key).DisallowConcurrentExecution());

    private static void AddReader<T>(IServiceCollection services, TimeSpan timeout)
        where T : class, INetworkMetricsReader
    {
        services.AddHttpClient<T>(client => client.Timeout = timeout);
        services.AddTransient<INetworkMetricsReader>(sp => sp.GetRequiredService<T>());
    }
}
