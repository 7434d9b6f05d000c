using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Analytics.AnalyticsHelpers;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>Best times to post, learned from the workspace's own results in its own time zone.</summary>
public sealed class BestTimeTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task A_workspace_in_berlin_whose_tuesday_nine_oclock_posts_do_best_is_told_tuesday_at_09_00()
    {
        var admin = await factory.RegisterAsync();
        (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" })).EnsureSuccessStatusCode();
        await ConnectAsync(admin, "linkedIn");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        var posts = 0;
        // Eight weeks of posts at several times; the ones on Tuesday at 09:00 Berlin time draw several times the engagement.
        for (var week = 1; week <= 8; week++)
        {
            foreach (var (day, hour) in new[] { (DayOfWeek.Tuesday, 9), (DayOfWeek.Tuesday, 15), (DayOfWeek.Wednesday, 9), (DayOfWeek.Thursday, 11), (DayOfWeek.Friday, 17) })
            {
                // The latest such day before today, then a week further back for each week.
                var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
                var date = today.AddDays(-(back == 0 ? 7 : back) - (7 * (week - 1)));
                var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), berlin.GetUtcOffset(date.ToDateTime(new TimeOnly(hour, 0))));
                var id = $"urn:li:share:{Guid.NewGuid():N}";
                var strong = day == DayOfWeek.Tuesday && hour == 9;
                factory.Fakes.SetPost(id, strong ? new FakePostMetrics(2000, 1500, 60, 140, 20, 12, 0) : new FakePostMetrics(2000, 1500, 15, 30, 4, 2, 0));
                await PublishedPostAsync(factory, admin, "linkedIn", id, at, $"Post {posts++}");
            }
        }

        await factory.CollectAsync(admin.TenantId);
        var response = await admin.Client.GetAsync("/api/v1/analytics/best-times?platform=linkedIn");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var best = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("Europe/Berlin", best["timeZone"]!.GetValue<string>());
        Assert.Equal(posts, best["posts"]!.GetValue<int>());
        var first = best["slots"]![0]!;
        Assert.Equal("tuesday", first["day"]!.GetValue<string>());
        Assert.Equal("09:00", first["time"]!.GetValue<string>());
        Assert.Equal(8, first["posts"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_no_results_the_usual_good_times_are_suggested_and_said_to_be_so()
    {
        var admin = await factory.RegisterAsync();

        var best = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/analytics/best-times?platform=x"))!;

        Assert.False(best["fromOwnResults"]!.GetValue<bool>());
        Assert.Equal(5, best["slots"]!.AsArray().Count);
        Assert.Contains("usually work", best["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
