using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;
using Microsoft.Extensions.DependencyInjection;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

public sealed class CalendarFactory : ApiFactory
{
    public CalendarFactory() => ConfigureServices = services => services.AddSingleton<IFileStorage, FakeFileStorage>();
}

/// <summary>The calendar without publishing: posts, review, network rules, time zones and the iCalendar feed.</summary>
public sealed class ContentCalendarTests(CalendarFactory factory) : IClassFixture<CalendarFactory>
{
    [Fact]
    public async Task Posts_are_listed_by_date_range_with_state_network_and_company_filters()
    {
        var admin = await factory.RegisterAsync();
        var company = (await (await admin.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Second brand" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var october = await CreatePostAsync(admin, "x", "October", at: "2030-10-15T10:00");
        var november = await CreatePostAsync(admin, "linkedIn", "November", at: "2030-11-02T10:00");
        var unplanned = await CreatePostAsync(admin, "facebook", "Some day");
        var forBrand = await admin.Client.PostAsJsonAsync("/api/v1/content", new
        {
            companyId = company, title = "Brand post", at = "2030-10-20T09:30",
            variants = new[] { new { platform = "facebook", text = "Hello", mediaAssetIds = Array.Empty<Guid>() } },
        });
        await forBrand.EnsureStatusAsync(HttpStatusCode.Created);

        async Task<List<Guid>> ListAsync(string query) =>
            (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/content?{query}"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

        Assert.Equal(2, (await ListAsync("from=2030-10-01&to=2030-11-01")).Count);
        Assert.Equal([october], await ListAsync("from=2030-10-01&to=2030-11-01&platform=x"));
        Assert.Equal([november], await ListAsync("from=2030-10-27&to=2030-11-03"));
        Assert.Single(await ListAsync($"companyId={company}"));
        Assert.Contains(unplanned, await ListAsync("state=draft"));
        Assert.Equal(4, (await ListAsync("")).Count);
        Assert.Empty(await ListAsync("state=scheduled"));
    }

    [Fact]
    public async Task An_admin_cannot_approve_their_own_post_unless_the_workspace_allows_it()
    {
        var admin = await factory.RegisterAsync();
        var settings = await admin.Client.PutAsJsonAsync("/api/v1/content/settings", new { approvalRequired = true });
        Assert.False((await settings.Content.ReadFromJsonAsync<JsonObject>())!["adminsMayApproveOwnPosts"]!.GetValue<bool>());
        var id = await CreatePostAsync(admin, "linkedIn", "My own post");
        await (await admin.Client.PostAsync($"/api/v1/content/{id}/submit", null)).EnsureStatusAsync(HttpStatusCode.OK);

        var own = await admin.Client.PostAsync($"/api/v1/content/{id}/approve", null);
        await own.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("another admin", (await own.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("inReview", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());

        var allow = await admin.Client.PutAsJsonAsync("/api/v1/content/settings", new { approvalRequired = true, adminsMayApproveOwnPosts = true });
        await allow.EnsureStatusAsync(HttpStatusCode.OK);
        // Leaving the new switch out keeps it as it is.
        await (await admin.Client.PutAsJsonAsync("/api/v1/content/settings", new { approvalRequired = true })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.True((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content/settings"))!["adminsMayApproveOwnPosts"]!.GetValue<bool>());
        await (await admin.Client.PostAsync($"/api/v1/content/{id}/approve", null)).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("approved", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editors_submit_and_admins_approve_or_reject_with_a_comment_before_scheduling_when_approval_is_required()
    {
        var admin = await factory.RegisterAsync();
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        await ConnectAsync(admin, "linkedIn");
        var settings = await admin.Client.PutAsJsonAsync("/api/v1/content/settings", new { approvalRequired = true });
        await settings.EnsureStatusAsync(HttpStatusCode.OK);
        var id = await CreatePostAsync(editor, "linkedIn", "Quarterly results");
        var at = DateTimeOffset.UtcNow.AddDays(2);

        var unapproved = await ScheduleAsync(editor, id, at);
        await unapproved.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("approval", (await unapproved.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await (await editor.Client.PostAsync($"/api/v1/content/{id}/submit", null)).EnsureStatusAsync(HttpStatusCode.OK);
        var editorApproves = await editor.Client.PostAsJsonAsync($"/api/v1/content/{id}/approve", new { comment = "self" });
        await editorApproves.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var noComment = await admin.Client.PostAsJsonAsync($"/api/v1/content/{id}/reject", new { comment = "" });
        await noComment.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var rejected = await admin.Client.PostAsJsonAsync($"/api/v1/content/{id}/reject", new { comment = "Mention the dividend" });
        await rejected.EnsureStatusAsync(HttpStatusCode.OK);
        var draft = (await rejected.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("draft", draft["state"]!.GetValue<string>());
        Assert.Equal("Mention the dividend", draft["reviewComment"]!.GetValue<string>());

        var again = await editor.Client.PostAsync($"/api/v1/content/{id}/approve", null);
        await again.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await editor.Client.PostAsync($"/api/v1/content/{id}/submit", null)).EnsureStatusAsync(HttpStatusCode.OK);
        var approveTwice = await admin.Client.PostAsync($"/api/v1/content/{id}/approve", null);
        await approveTwice.EnsureStatusAsync(HttpStatusCode.OK);
        var illegal = await admin.Client.PostAsync($"/api/v1/content/{id}/approve", null);
        await illegal.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);

        var scheduled = await ScheduleAsync(editor, id, at);
        await scheduled.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("scheduled", (await GetPostAsync(editor, id))["state"]!.GetValue<string>());
        var edit = await editor.Client.PutAsJsonAsync($"/api/v1/content/{id}", new
        {
            title = "Changed", variants = new[] { new { platform = "linkedIn", text = "New", mediaAssetIds = Array.Empty<Guid>() } },
        });
        await edit.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_x_post_of_281_characters_is_refused_at_scheduling_naming_the_platform_and_the_limit()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var tooLong = await CreatePostAsync(admin, "x", new string('a', 281));
        // X weighs an emoji 2: 278 characters and a rocket make 280.
        var fits = await CreatePostAsync(admin, "x", new string('a', 278) + "🚀");

        var refused = await ScheduleAsync(admin, tooLong, DateTimeOffset.UtcNow.AddDays(1));
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single((await refused.ProblemAsync())["errors"]!["variants[0].text"]!.AsArray())!.GetValue<string>();
        Assert.Contains("X", message, StringComparison.Ordinal);
        Assert.Contains("280", message, StringComparison.Ordinal);
        await (await ScheduleAsync(admin, fits, DateTimeOffset.UtcNow.AddDays(1))).EnsureStatusAsync(HttpStatusCode.OK);

        // In a batch the field names the post too, and nothing of the batch is scheduled.
        var batch = await ScheduleAsync(admin, [(fits, DateTimeOffset.UtcNow.AddDays(2).ToString("O")), (tooLong, DateTimeOffset.UtcNow.AddDays(2).ToString("O"))]);
        await batch.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await batch.ProblemAsync())["errors"]!["items[1].variants[0].text"]);
        Assert.Equal("draft", (await GetPostAsync(admin, tooLong))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instagram_post_without_an_image_or_video_is_refused_at_scheduling()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "instagram");
        var document = await InsertAssetAsync(factory, admin, "Document");
        var image = await InsertAssetAsync(factory, admin);
        var noMedia = await CreatePostAsync(admin, "instagram", "Look at this");
        var onlyDocument = await CreatePostAsync(admin, "instagram", "Look at this", [document]);
        var withImage = await CreatePostAsync(admin, "instagram", "Look at this", [image]);

        foreach (var id in new[] { noMedia, onlyDocument })
        {
            var refused = await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddDays(1));
            await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
            var message = Assert.Single((await refused.ProblemAsync())["errors"]!["variants[0].mediaAssetIds"]!.AsArray())!.GetValue<string>();
            Assert.Contains("Instagram", message, StringComparison.Ordinal);
            Assert.Contains("image or video", message, StringComparison.Ordinal);
            Assert.Contains("2,200", message, StringComparison.Ordinal);
        }

        await (await ScheduleAsync(admin, withImage, DateTimeOffset.UtcNow.AddDays(1))).EnsureStatusAsync(HttpStatusCode.OK);
        var foreign = await admin.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title = "t", variants = new[] { new { platform = "instagram", text = "x", mediaAssetIds = new[] { Guid.NewGuid() } } },
        });
        await foreign.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Nine_in_the_morning_in_berlin_is_seven_utc_before_the_clocks_go_back_and_eight_after()
    {
        var admin = await factory.RegisterAsync();
        var zone = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" });
        await zone.EnsureStatusAsync(HttpStatusCode.OK);
        await ConnectAsync(admin, "linkedIn");

        // The dates of the brief, as planned times (a plan may lie in the past; scheduling may not).
        var summer = await CreatePostAsync(admin, "linkedIn", "Last summer-time Saturday", at: "2026-10-24T09:00");
        var winter = await CreatePostAsync(admin, "linkedIn", "First winter-time Saturday", at: "2026-10-31T09:00");
        var planned = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?from=2026-10-24&to=2026-11-01"))!["items"]!.AsArray();
        Assert.Equal([summer, winter], planned.Select(p => p!["id"]!.GetValue<Guid>()));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), planned[0]!["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2026-10-24T09:00:00+02:00", planned[0]!["scheduledLocal"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.Zero), planned[1]!["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2026-10-31T09:00:00+01:00", planned[1]!["scheduledLocal"]!.GetValue<string>());

        // The same across the next autumn change still ahead: the triggers fire at those UTC instants.
        var change = NextAutumnChange(DateTime.UtcNow.AddDays(8));
        var before = change.AddDays(-1);
        var after = change.AddDays(6);
        var scheduled = await ScheduleAsync(admin, [(summer, $"{before:yyyy-MM-dd}T09:00"), (winter, $"{after:yyyy-MM-dd}T09:00")]);
        await scheduled.EnsureStatusAsync(HttpStatusCode.OK);
        var posts = (await scheduled.Content.ReadFromJsonAsync<JsonArray>())!;
        var sevenUtc = new DateTimeOffset(before.Year, before.Month, before.Day, 7, 0, 0, TimeSpan.Zero);
        var eightUtc = new DateTimeOffset(after.Year, after.Month, after.Day, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(sevenUtc, posts[0]!["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(eightUtc, posts[1]!["scheduledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Europe/Berlin", posts[1]!["timeZone"]!.GetValue<string>());
        Assert.Equal(sevenUtc.UtcTicks, await DueTicksAsync(admin, summer));
        Assert.Equal(eightUtc.UtcTicks, await DueTicksAsync(admin, winter));

        var skipped = await admin.Client.PostAsJsonAsync($"/api/v1/automation/content/{winter}/reschedule", new { at = $"{change.Year + 1}-03-{LastSunday(change.Year + 1, 3):00}T02:30" });
        await skipped.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await skipped.ProblemAsync())["errors"]!["at"]);
        var unknown = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Mars/Olympus_Mons" });
        await unknown.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>The first last-Sunday-of-October (when Europe ends summer time) after <paramref name="after"/>.</summary>
    private static DateTime NextAutumnChange(DateTime after)
    {
        for (var year = after.Year; ; year++)
        {
            var sunday = new DateTime(year, 10, LastSunday(year, 10), 0, 0, 0, DateTimeKind.Utc);
            if (sunday.AddDays(-1) > after)
            {
                return sunday;
            }
        }
    }

    private static int LastSunday(int year, int month)
    {
        var day = DateTime.DaysInMonth(year, month);
        while (new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).DayOfWeek != DayOfWeek.Sunday)
        {
            day--;
        }

        return day;
    }

    [Fact]
    public async Task The_calendar_feed_is_an_icalendar_of_the_posts_for_a_secret_token_that_rotating_replaces()
    {
        var admin = await factory.RegisterAsync();
        await (await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Berlin" })).EnsureStatusAsync(HttpStatusCode.OK);
        // Noon in Berlin three days ahead: never inside a daylight-saving gap, whatever today is.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(3), berlin).Date.AddHours(12);
        var at = TimeZoneInfo.ConvertTimeToUtc(local, berlin);
        await CreatePostAsync(admin, "linkedIn", "Feed, with; commas", at: local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), title: "Feed, with; commas");
        var first = (await (await admin.Client.PostAsync("/api/v1/content/calendar-token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var token = first["token"]!.GetValue<string>();
        Assert.Contains(Uri.EscapeDataString(token), first["feedUrl"]!.GetValue<string>(), StringComparison.Ordinal);

        var anonymous = factory.CreateClient();
        var feed = await anonymous.GetAsync($"/api/v1/content/calendar.ics?token={Uri.EscapeDataString(token)}");
        await feed.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{at:yyyyMMdd'T'HHmm}00Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Feed\\, with\\; commas (LinkedIn)", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        var rotated = (await (await admin.Client.PostAsync("/api/v1/content/calendar-token", null)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        await (await anonymous.GetAsync($"/api/v1/content/calendar.ics?token={Uri.EscapeDataString(token)}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/content/calendar.ics?token={Uri.EscapeDataString(rotated)}")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/api/v1/content/calendar.ics?token=cal.nonsense")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Connection_tokens_are_encrypted_at_rest_and_never_shown()
    {
        var admin = await factory.RegisterAsync();
        var created = await ConnectAsync(admin, "linkedIn", accessToken: "plain-secret-access-token", refreshToken: "plain-secret-refresh-token");

        var listed = (await admin.Client.GetStringAsync("/api/v1/social/connections"));
        Assert.DoesNotContain("plain-secret", listed, StringComparison.Ordinal);
        Assert.Equal("active", created["status"]!.GetValue<string>());
        var stored = await factory.ColumnAsync(
            $"SELECT encrypted_access_token || ' ' || encrypted_refresh_token FROM \"tenant_{admin.TenantId:N}\".social_connections");
        Assert.DoesNotContain("plain-secret", Assert.Single(stored), StringComparison.Ordinal);
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        var refused = await editor.Client.PostAsJsonAsync("/api/v1/social/connections", new
        {
            platform = "x", externalAccountId = "1", displayName = "x", accessToken = "t",
        });
        await refused.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await (await admin.Client.DeleteAsync($"/api/v1/social/connections/{created["id"]}")).EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    /// <summary>When the post's entry in the scheduler's due posts falls, in .NET ticks (UTC).</summary>
    private async Task<long> DueTicksAsync(Account admin, Guid item) =>
        long.Parse(Assert.Single(await factory.ColumnAsync(
            "SELECT (extract(epoch FROM due_at) * 1000000)::bigint * 10 + 621355968000000000 FROM quartz.due_posts " +
            "WHERE replace(tenant_id::text, '-', '') || '.' || replace(item_id::text, '-', '') = $1", $"{admin.TenantId:N}.{item:N}")),
            System.Globalization.CultureInfo.InvariantCulture);
}
