using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Recurring;
using BrandAutomator.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

public sealed class RecurringFactory : ApiFactory
{
    public RecurringFactory() => ConfigureServices = services =>
    {
        services.AddSingleton<IFileStorage, FakeFileStorage>();
        // Early March 2027 in Berlin: the clocks go forward on 28 March and back on 31 October.
        services.AddSingleton<TimeProvider>(Time);
    };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 10, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>Recurring posts: each occurrence is a post of its own, at the same wall-clock time in the workspace's zone.</summary>
public sealed class RecurringPostsTests(RecurringFactory factory) : IClassFixture<RecurringFactory>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static object Weekly(string start, string title, string platform = "linkedIn", int count = 6) => new
    {
        title,
        start,
        variants = new[] { new { platform, text = $"{title}: the week's pickle." } },
        repeat = new { frequency = "weekly", interval = 1, weekdays = new[] { "thursday" }, count },
    };

    private async Task<Account> BerlinWorkspaceAsync()
    {
        var admin = await factory.RegisterAsync();
        await (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        await ConnectAsync(admin, "linkedIn");
        return admin;
    }

    private static async Task<JsonObject> CreateAsync(Account admin, object body)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/recurring", body);
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<JsonNode> Occurrences(JsonObject series) => series["occurrences"]!.AsArray().Select(o => o!).ToList();

    private async Task<int> TopUpAsync(Guid tenantId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MakeRecurringPosts());
    }

    [Fact]
    public async Task A_weekly_post_keeps_its_local_time_across_both_changes_and_skipping_one_leaves_the_others()
    {
        var admin = await BerlinWorkspaceAsync();

        // Spring: Thursdays at 09:00 from 18 March, across 28 March.
        var spring = await CreateAsync(admin, Weekly("2027-03-18T09:00", "Spring pickles"));
        var posts = Occurrences(spring);
        Assert.Equal([0, 1, 2, 3, 4, 5], posts.Select(p => p["index"]!.GetValue<int>()).ToArray());
        Assert.All(posts, p => Assert.Equal("scheduled", p["state"]!.GetValue<string>()));
        Assert.All(posts, p => Assert.Equal(new TimeSpan(9, 0, 0), TimeZoneInfo.ConvertTime(p["scheduledAt"]!.GetValue<DateTimeOffset>(), Berlin).TimeOfDay));
        Assert.EndsWith("T09:00:00+01:00", posts[1]["scheduledLocal"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("T09:00:00+02:00", posts[2]["scheduledLocal"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero), posts[1]["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 7, 0, 0, TimeSpan.Zero), posts[2]["scheduledAt"]!.GetValue<DateTimeOffset>());

        // Skipping the first post after the change touches no other, and topping up does not make it again.
        var skipped = posts[2]["postId"]!.GetValue<Guid>();
        await (await admin.Client.PostAsync($"/api/v1/content/{skipped}/skip", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, await TopUpAsync(admin.TenantId));
        var after = Occurrences((await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/recurring/{spring["id"]}"))!);
        Assert.Equal(6, after.Count);
        Assert.Equal("cancelled", after[2]["state"]!.GetValue<string>());
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(posts[i]["postId"]!.GetValue<Guid>(), after[i]["postId"]!.GetValue<Guid>());
            Assert.Equal(posts[i]["scheduledAt"]!.GetValue<DateTimeOffset>(), after[i]["scheduledAt"]!.GetValue<DateTimeOffset>());
            if (i != 2)
            {
                Assert.Equal("scheduled", after[i]["state"]!.GetValue<string>());
            }
        }

        // Autumn: a series from 21 October is made by the job once it comes within eight weeks, across 31 October.
        var autumn = await CreateAsync(admin, Weekly("2027-10-21T09:00", "Autumn pickles", count: 3));
        Assert.Empty(Occurrences(autumn));
        factory.Time.SetUtcNow(new DateTimeOffset(2027, 10, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, await TopUpAsync(admin.TenantId));
        Assert.Equal(0, await TopUpAsync(admin.TenantId));
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = admin.Password });
        await login.EnsureStatusAsync(HttpStatusCode.OK);
        var again = await factory.AccountFromAsync(login, admin.Email, admin.Password);
        var made = Occurrences((await again.Client.GetFromJsonAsync<JsonObject>($"/api/v1/recurring/{autumn["id"]}"))!);
        Assert.Equal(
            [new DateTimeOffset(2027, 10, 21, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 10, 28, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 4, 8, 0, 0, TimeSpan.Zero)],
            made.Select(p => p["scheduledAt"]!.GetValue<DateTimeOffset>()).ToArray());
        Assert.All(made, p => Assert.Contains("T09:00:00", p["scheduledLocal"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_occurrence_that_cannot_be_scheduled_is_shown_with_its_reason_and_the_series_goes_on()
    {
        var admin = await BerlinWorkspaceAsync();
        var now = factory.Time.GetUtcNow();
        var start = TimeZoneInfo.ConvertTime(now.AddDays(2), Berlin).ToString("yyyy-MM-dd'T'10:30", System.Globalization.CultureInfo.InvariantCulture);
        // X is not connected: every occurrence is kept as a draft that says so, with a notification, and none is lost.
        var series = await CreateAsync(admin, Weekly(start, "On X", platform: "x", count: 3));
        var posts = Occurrences(series);
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p =>
        {
            Assert.Equal("draft", p["state"]!.GetValue<string>());
            Assert.Contains("X is not connected", p["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal(3, await factory.CountAsync(
            $"SELECT count(*) FROM tenant_{admin.TenantId:N}.notifications WHERE kind = 'recurring-not-scheduled'"));

        var bad = await admin.Client.PostAsJsonAsync("/api/v1/recurring", new
        {
            title = "No days", start,
            variants = new[] { new { platform = "linkedIn", text = "Hello" } },
            repeat = new { frequency = "weekly", interval = 1, weekdays = Array.Empty<string>(), count = 3 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ProblemAsync())["errors"]!["repeat.weekdays"]);
    }

    [Fact]
    public async Task This_and_following_replaces_the_later_posts_and_keeps_the_earlier_ones()
    {
        var admin = await BerlinWorkspaceAsync();
        var now = factory.Time.GetUtcNow();
        var start = TimeZoneInfo.ConvertTime(now.AddDays(1), Berlin).ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture);
        var series = await CreateAsync(admin, new
        {
            title = "Weekly",
            start,
            variants = new[] { new { platform = "linkedIn", text = "Old text" } },
            repeat = new { frequency = "weekly", interval = 1, weekdays = new[] { TimeZoneInfo.ConvertTime(now.AddDays(1), Berlin).DayOfWeek.ToString().ToLowerInvariant() }, count = 5 },
        });
        var before = Occurrences(series);
        var response = await admin.Client.PutAsJsonAsync($"/api/v1/recurring/{series["id"]}/from/2", new
        {
            title = "Weekly, new", time = "11:15", variants = new[] { new { platform = "linkedIn", text = "New text" } },
        });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var next = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var old = Occurrences((await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/recurring/{series["id"]}"))!);

        Assert.Equal(next["id"]!.GetValue<Guid>(), (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/recurring/{series["id"]}"))!["continuedBy"]!.GetValue<Guid>());
        Assert.Equal([before[0]["postId"]!.GetValue<Guid>(), before[1]["postId"]!.GetValue<Guid>()], old.Select(p => p["postId"]!.GetValue<Guid>()).ToArray());
        var replaced = Occurrences(next);
        Assert.Equal(3, replaced.Count);
        Assert.All(replaced, p => Assert.Contains("T11:15:00", p["scheduledLocal"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(
            before.Skip(2).Select(p => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p["scheduledAt"]!.GetValue<DateTimeOffset>(), Berlin).DateTime)).ToArray(),
            replaced.Select(p => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p["scheduledAt"]!.GetValue<DateTimeOffset>(), Berlin).DateTime)).ToArray());
        Assert.Equal(5, await factory.CountAsync($"SELECT count(*) FROM tenant_{admin.TenantId:N}.content_items WHERE title LIKE 'Weekly%'"));
    }
}
