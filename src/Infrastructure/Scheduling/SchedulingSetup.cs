using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Social;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Publishing's composition: Quartz with the persistent ADO store on PostgreSQL (tables in the <c>quartz</c> schema,
/// clustered, instance id AUTO, job data as strings serialised with System.Text.Json), the sweep, the network adapters
/// on typed HTTP clients, and Data Protection with its keys in the database (encrypted by
/// <see cref="KeyRingOptions"/>'s certificate when one is configured).
/// </summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var drive = configuration.GetSection(Drive.GoogleDriveOptions.Section).Get<Drive.GoogleDriveOptions>() ?? new Drive.GoogleDriveOptions();
        var publishing = configuration.GetSection(PublishingOptions.Section).Get<PublishingOptions>() ?? new PublishingOptions();
        var webhooks = configuration.GetSection(Application.Webhooks.WebhookOptions.Section).Get<Application.Webhooks.WebhookOptions>()
            ?? new Application.Webhooks.WebhookOptions();

        var dataProtection = services.AddDataProtection().SetApplicationName("BrandAutomator");
        var keyRing = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrWhiteSpace(keyRing.CertificatePem))
        {
            // New keys are encrypted to the current certificate; keys from before a rotation are read with the old ones.
            var current = KeyRingOptions.Load(keyRing.CertificatePem);
            dataProtection.ProtectKeysWithCertificate(current)
                .UnprotectKeysWithAnyCertificate([current, .. keyRing.PreviousCertificatePems.Select(KeyRingOptions.Load)]);
        }

        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseKeyRepository>()));
        services.AddSingleton<ISocialTokenProtector, DataProtectionTokenProtector>();

        var timeout = TimeSpan.FromSeconds(publishing.RequestTimeoutSeconds);
        AddPublisher<LinkedInPublisher>(services, timeout);
        AddPublisher<XPublisher>(services, timeout);
        AddPublisher<FacebookPublisher>(services, timeout);
        AddPublisher<InstagramPublisher>(services, timeout);
        AddPublisher<GoogleBusinessPublisher>(services, timeout);
        AddPublisher<BlueskyPublisher>(services, timeout);
        AddPublisher<ThreadsPublisher>(services, timeout);
        AddPublisher<PinterestPublisher>(services, timeout);
        AddPublisher<YouTubePublisher>(services, timeout);
        AddPublisher<TikTokPublisher>(services, timeout);
        AddMediaUploader<LinkedInMediaUploader>(services, timeout);
        AddMediaUploader<XMediaUploader>(services, timeout);
        FollowUpPublishers.Add(services, timeout);
        services.AddHttpClient<ITikTokCreators, TikTokCreatorsClient>(client => client.Timeout = timeout);
        services.AddHttpClient<IPinterestBoards, PinterestBoardsClient>(client => client.Timeout = timeout);
        services.AddHttpClient<IBlueskySessions, BlueskySessionClient>(client => client.Timeout = timeout);
        services.AddHttpClient<ITokenRefresher, OAuthTokenRefresher>(client => client.Timeout = timeout);
        services.AddHttpClient<ISocialAuthorizationServer, OAuthAuthorizationServer>(client => client.Timeout = timeout);
        services.AddSingleton<IOAuthStateProtector, OAuthStateProtector>();

        services.AddScoped<IPublishScheduler, DuePostScheduler>();
        services.AddScoped<Application.Drive.IDriveJobs, QuartzDriveJobs>();
        // Before Quartz's hosted service: hosted services start in registration order, and the tables must exist first.
        services.AddSingleton<QuartzSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<QuartzSchema>());
        if (scheduler.Enabled)
        {
            services.AddHostedService<DuePostDispatcher>();
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = scheduler.Name;
                // Instance id AUTO: each node generates its own (host name and time), as a cluster needs.
                s.GenerateInstanceId = true;
                s.IdleWaitTime = TimeSpan.FromSeconds(scheduler.IdleWaitSeconds);
                // Never more than the pool can run: triggers taken beyond it would wait on this node while another is idle.
                s.MaxBatchSize = Math.Min(scheduler.MaxBatchSize, scheduler.MaxConcurrency);
            });
            q.UseDefaultThreadPool(scheduler.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(StoreConnectionString(connectionString, scheduler));
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(scheduler.CheckinIntervalSeconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(scheduler.CheckinMisfireThresholdSeconds);
                });
                store.UseSystemTextJsonSerializer(_ => { });
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = QuartzSchema.TablePrefix;
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = TimeSpan.FromSeconds(scheduler.MisfireThresholdSeconds);
                    o.MisfireHandlerFrequency = TimeSpan.FromSeconds(scheduler.MisfireScanSeconds);
                    // QuartzSchema has created the tables; the store checks them and refuses to start on a bad schema.
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
            // Posts are published from the due posts' table (DuePostDispatcher); a post's Quartz job written before it
            // still fires once, and its run's claim on the post keeps that from publishing twice.
            q.AddJobType<PublishContentJob>();
            q.ScheduleJob<ContentSweepJob>(
                trigger => trigger.WithIdentity("content-sweep", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(scheduler.SweepIntervalSeconds), null),
                job => job.WithIdentity(ContentSweepJob.Key).DisallowConcurrentExecution());
            q.ScheduleJob<RecurringPostsJob>(
                trigger => trigger.WithIdentity("recurring-posts", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(scheduler.RecurringIntervalSeconds), null),
                job => job.WithIdentity(RecurringPostsJob.Key).DisallowConcurrentExecution());
            var feeds = configuration.GetSection(Feeds.FeedOptions.Section).Get<Feeds.FeedOptions>() ?? new Feeds.FeedOptions();
            q.ScheduleJob<FeedPollingJob>(
                trigger => trigger.WithIdentity("feed-polling", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(feeds.PollIntervalSeconds), null),
                job => job.WithIdentity(FeedPollingJob.Key).DisallowConcurrentExecution());
            q.ScheduleJob<ConnectionRefreshJob>(
                trigger => trigger.WithIdentity("connection-refresh", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(scheduler.ConnectionRefreshIntervalSeconds), null),
                job => job.WithIdentity(ConnectionRefreshJob.Key).DisallowConcurrentExecution());
            q.ScheduleJob<WebhookDeliveryJob>(
                trigger => trigger.WithIdentity("webhook-delivery", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(webhooks.PollSeconds), null),
                job => job.WithIdentity(WebhookDeliveryJob.Key).DisallowConcurrentExecution());
            Analytics.AnalyticsSetup.ScheduleMetricsCollection(q, configuration);
            q.AddJobType<DriveImportJob>();
            q.ScheduleJob<DriveSyncJob>(
                trigger => trigger.WithIdentity("drive-sync", "system")
                    .WithSimpleSchedule(TimeSpan.FromSeconds(drive.SyncIntervalSeconds), null),
                job => job.WithIdentity(DriveSyncJob.Key).DisallowConcurrentExecution());
            // The job's scope works for the tenant named in its data, set before the job and its services are built.
            q.ConfigureJobScope((scope, bundle, _) =>
            {
                if (bundle.JobDetail.JobDataMap.TryGetValue(PublishContentJob.TenantKey, out var value) && Guid.TryParse(value?.ToString(), out var tenantId))
                {
                    scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
                }
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = scheduler.Enabled;
        });
        return services;
    }

    /// <summary>
    /// The store's connection string: its own small pool (see <see cref="SchedulerOptions.StoreMaxPoolSize"/>) unless the
    /// string sets one.
    /// </summary>
    internal static string StoreConnectionString(string connectionString, SchedulerOptions scheduler)
    {
        var given = NpgsqlSetup.GivenKeys(connectionString);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("applicationname"))
        {
            builder.ApplicationName = "BrandAutomator scheduler";
        }

        if (!given.Contains("maxpoolsize") && !given.Contains("maximumpoolsize"))
        {
            builder.MaxPoolSize = scheduler.StoreMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    private static void AddMediaUploader<T>(IServiceCollection services, TimeSpan timeout)
        where T : class, ISocialMediaUploader
    {
        services.AddHttpClient<T>(client => client.Timeout = timeout);
        services.AddTransient<ISocialMediaUploader>(sp => sp.GetRequiredService<T>());
    }

    private static void AddPublisher<T>(IServiceCollection services, TimeSpan timeout)
        where T : class, ISocialPublisher
    {
        services.AddHttpClient<T>(client => client.Timeout = timeout);
        services.AddTransient<ISocialPublisher>(sp => sp.GetRequiredService<T>());
    }
}
