using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>The posting queue through the API: weekly times in the workspace's zone, "add to queue", reordering.</summary>
public sealed class QueueTests(CalendarFactory factory) : IClassFixture<CalendarFactory>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly string[] EveryDay = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static async Task<Account> BerlinWorkspaceAsync(CalendarFactory factory)
    {
        var admin = await factory.RegisterAsync();
        await (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        await ConnectAsync(admin, "linkedIn");
        return admin;
    }

    private static Task<HttpResponseMessage> PutSlotsAsync(Account account, string platform, object[] slots, Guid? companyId = null) =>
        account.Client.PutAsJsonAsync("/api/v1/queue/slots", new { companyId, platform, slots });

    private static async Task<JsonObject> QueueAsync(Account account, Guid id)
    {
        var response = await account.Client.PostAsync($"/api/v1/content/{id}/queue", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static DateTime LocalOf(JsonObject post) =>
        TimeZoneInfo.ConvertTime(post["scheduledAt"]!.GetValue<DateTimeOffset>(), Berlin).DateTime;

    [Fact]
    public async Task Add_to_queue_takes_the_next_free_posting_time_in_the_workspace_zone()
    {
        var admin = await BerlinWorkspaceAsync(factory);
        var set = await PutSlotsAsync(admin, "linkedIn", EveryDay.Select(day => (object)new { day, time = "09:00" }).ToArray());
        await set.EnsureStatusAsync(HttpStatusCode.OK);
        var slots = (await set.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Europe/Berlin", slots["timeZone"]!.GetValue<string>());
        Assert.Equal(7, slots["slots"]!.AsArray().Count);
        Assert.Equal("monday", slots["slots"]![0]!["day"]!.GetValue<string>());
        Assert.Equal("09:00", slots["slots"]![0]!["time"]!.GetValue<string>());

        var first = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "First in line", title: "First"));
        var second = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "Second in line", title: "Second"));
        // Asking again (a retry after a lost answer) keeps the post where it is.
        Assert.Equal(second["scheduledAt"]!.GetValue<DateTimeOffset>(), (await QueueAsync(admin, second["id"]!.GetValue<Guid>()))["scheduledAt"]!.GetValue<DateTimeOffset>());

        Assert.Equal("scheduled", first["state"]!.GetValue<string>());
        Assert.Equal(new TimeSpan(9, 0, 0), LocalOf(first).TimeOfDay);
        Assert.Equal(new TimeSpan(9, 0, 0), LocalOf(second).TimeOfDay);
        Assert.Equal(LocalOf(first).Date.AddDays(1), LocalOf(second).Date);
        Assert.True(first["scheduledAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        Assert.EndsWith(":00", first["scheduledLocal"]!.GetValue<string>(), StringComparison.Ordinal);

        // A post on another network does not hold LinkedIn's times; a post of another brand does not either.
        await ConnectAsync(admin, "x");
        await (await PutSlotsAsync(admin, "x", [new { day = "monday", time = "12:30" }])).EnsureStatusAsync(HttpStatusCode.OK);
        var onX = await QueueAsync(admin, await CreatePostAsync(admin, "x", "Over on X", title: "On X"));
        Assert.Equal(DayOfWeek.Monday, LocalOf(onX).DayOfWeek);
        Assert.Equal(new TimeSpan(12, 30, 0), LocalOf(onX).TimeOfDay);

        var queue = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/queue?platform=linkedIn&count=3"))!;
        var entries = queue["entries"]!.AsArray();
        Assert.Equal(["First", "Second", "(free)"], entries.Select(e => e!["title"]?.GetValue<string>() ?? "(free)").ToArray());
        Assert.All(entries, e => Assert.True(e!["isSlot"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Reordering_moves_posts_between_the_times_they_hold_and_moves_their_triggers()
    {
        var admin = await BerlinWorkspaceAsync(factory);
        await (await PutSlotsAsync(admin, "linkedIn", EveryDay.Select(day => (object)new { day, time = "10:15" }).ToArray()))
            .EnsureStatusAsync(HttpStatusCode.OK);
        var a = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "A", title: "A"));
        var b = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "B", title: "B"));
        var c = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "C", title: "C"));
        var times = new[] { a, b, c }.Select(p => p["scheduledAt"]!.GetValue<DateTimeOffset>()).ToArray();

        var reorder = await admin.Client.PostAsJsonAsync("/api/v1/queue/reorder", new
        {
            platform = "linkedIn",
            postIds = new[] { c["id"]!.GetValue<Guid>(), a["id"]!.GetValue<Guid>(), b["id"]!.GetValue<Guid>() },
        });
        await reorder.EnsureStatusAsync(HttpStatusCode.OK);
        var titles = (await reorder.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray()
            .Where(e => e!["postId"] is not null).Select(e => e!["title"]!.GetValue<string>()).ToArray();
        Assert.Equal(["C", "A", "B"], titles);
        Assert.Equal(times[0], (await GetPostAsync(admin, c["id"]!.GetValue<Guid>()))["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(times[1], (await GetPostAsync(admin, a["id"]!.GetValue<Guid>()))["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(times[2], (await GetPostAsync(admin, b["id"]!.GetValue<Guid>()))["scheduledAt"]!.GetValue<DateTimeOffset>());

        // The next post added goes after them all, not into a time one of them left.
        var d = await QueueAsync(admin, await CreatePostAsync(admin, "linkedIn", "D", title: "D"));
        Assert.True(d["scheduledAt"]!.GetValue<DateTimeOffset>() > times[2]);
    }

    [Fact]
    public async Task Bad_queue_input_is_a_problem_naming_the_field_and_nothing_changes()
    {
        var admin = await BerlinWorkspaceAsync(factory);
        var badTime = await PutSlotsAsync(admin, "linkedIn", [new { day = "monday", time = "09:00" }, new { day = "tuesday", time = "25:00" }]);
        await badTime.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await badTime.ProblemAsync())["errors"]!["slots[1].time"]);
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/queue/slots"))!["slots"]!.AsArray());

        var unknownBrand = await PutSlotsAsync(admin, "linkedIn", [new { day = "monday", time = "09:00" }], Guid.NewGuid());
        await unknownBrand.EnsureStatusAsync(HttpStatusCode.NotFound);

        var noSlots = await admin.Client.PostAsync($"/api/v1/content/{await CreatePostAsync(admin, "linkedIn", "Nowhere")}/queue", null);
        await noSlots.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Settings", (await noSlots.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var badPlatform = await admin.Client.GetAsync("/api/v1/queue?platform=myspace");
        await badPlatform.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await badPlatform.ProblemAsync())["errors"]!["platform"]);

        var notQueued = await admin.Client.PostAsJsonAsync("/api/v1/queue/reorder", new { platform = "linkedIn", postIds = new[] { Guid.NewGuid() } });
        await notQueued.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await notQueued.ProblemAsync())["errors"]!["postIds[0]"]);
    }

    [Fact]
    public async Task A_brand_has_its_own_posting_times_and_they_go_with_the_brand()
    {
        var admin = await BerlinWorkspaceAsync(factory);
        var brand = (await (await admin.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Queue brand" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await (await PutSlotsAsync(admin, "linkedIn", [new { day = "friday", time = "16:45" }], brand)).EnsureStatusAsync(HttpStatusCode.OK);

        Assert.Single((await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/queue/slots?companyId={brand}"))!["slots"]!.AsArray());
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/queue/slots"))!["slots"]!.AsArray());

        var created = await admin.Client.PostAsJsonAsync("/api/v1/content", new
        {
            companyId = brand, title = "Brand post",
            variants = new[] { new { platform = "linkedIn", text = "Weekend", mediaAssetIds = Array.Empty<Guid>() } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var queued = await QueueAsync(admin, id);
        Assert.Equal(DayOfWeek.Friday, LocalOf(queued).DayOfWeek);
        Assert.Equal("16:45", LocalOf(queued).ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
