using System.Globalization;
using System.Net.Http.Json;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Analytics;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BrandAutomator.WebApi.Tests.Analytics.AnalyticsHelpers;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// The analytics API with its clock pinned (<see cref="Time"/>), for results that belong to named months, and Quartz not
/// started: a test stores results itself (<see cref="ResultAsync"/>) and runs the jobs it wants.
/// </summary>
public class InsightsFactory : ApiFactory
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Tuesday 10 November 2026, 10:00 in Berlin.</summary>
    public InsightsFactory()
        : this(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero))
    {
    }

    protected InsightsFactory(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public FakeTimeProvider Time { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        WithSetting("Scheduler:Enabled", "false");
        ConfigureServices = services =>
        {
            services.AddSingleton<IFileStorage, FakeFileStorage>();
            services.AddSingleton<TimeProvider>(Time);
        };
    }

    /// <summary>A workspace in Berlin's time zone.</summary>
    public async Task<Account> BerlinWorkspaceAsync()
    {
        var admin = await this.RegisterAsync();
        (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" })).EnsureSuccessStatusCode();
        return admin;
    }

    /// <summary>
    /// A post published on <paramref name="platform"/> at <paramref name="at"/> whose metrics were read, as the collector
    /// leaves it: the content item through the API, its latest values in the performance row.
    /// </summary>
    public async Task<Guid> ResultAsync(
        Account admin, string platform, string title, string text, DateTimeOffset at, long impressions, long reactions, long comments, long shares,
        long clicks, bool image = false, Guid? brand = null)
    {
        var media = image ? new[] { await InsertAssetAsync(this, admin) } : null;
        var id = await CreatePostAsync(admin, platform, text, media, title: title);
        var schema = $"\"tenant_{admin.TenantId:N}\"";
        var when = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00";
        var company = brand is { } b ? $"'{b}'" : "NULL";
        await this.ExecuteSqlAsync($"""
            UPDATE {schema}.content_items SET state = 'Published', published_at = '{when}', company_id = {company} WHERE id = '{id}';
            INSERT INTO {schema}.post_performance (content_item_id, platform, company_id, connection_id, platform_post_id, published_at, next_collection_at,
                last_collected_at, collections, impressions, reach, clicks, reactions, comments, shares, saves, video_views)
            VALUES ('{id}', '{Stored(platform)}', {company}, '{Guid.NewGuid()}', 'p-{id:N}', '{when}', NULL, '{when}'::timestamptz + interval '2 days', 3,
                {impressions}, {impressions}, {clicks}, {reactions}, {comments}, {shares}, 0, 0);
            """);
        return id;
    }

    /// <summary>One run of the clustered monthly report job, as Quartz runs it (a new job each time, as after a restart).</summary>
    public async Task RunMonthlyReportJobAsync()
    {
        var job = ActivatorUtilities.CreateInstance<MonthlyReportJob>(Services);
        await job.RunAsync(CancellationToken.None);
    }
}
