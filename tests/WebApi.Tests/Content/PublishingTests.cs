using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>
/// Publishing through the real pipeline: the due posts' table on the test database hands each post to a node when it is
/// due, the run claims the post and speaks to the local fake networks, which count every request.
/// </summary>
public sealed class PublishingTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);

    private FakePlatforms Fakes => factory.Fakes;

    [Fact]
    public async Task A_post_on_each_network_is_published_once_at_its_time_in_the_networks_wire_format()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var image = await InsertAssetAsync(factory, admin);
        var video = await InsertAssetAsync(factory, admin, "Video");
        var at = DateTimeOffset.UtcNow.AddSeconds(3);
        var posts = new List<(string Platform, string Marker, Guid Id)>();
        foreach (var platform in Platforms)
        {
            var marker = FakePlatforms.NewMarker();
            var id = await CreatePostAsync(admin, platform, $"Autumn menu (launch) {marker}", MediaFor(platform, image, video));
            posts.Add((platform, marker, id));
        }

        var schedule = await ScheduleAsync(admin, posts.Select(p => (p.Id, (string?)at.ToString("O"))));
        await schedule.EnsureStatusAsync(HttpStatusCode.OK);

        foreach (var (platform, marker, id) in posts)
        {
            var post = await WaitForStateAsync(admin, id, Patience, "published");
            var requests = Fakes.PublishRequests(marker);
            Assert.Single(requests);
            Assert.True(requests[0].At >= at.AddMilliseconds(-50), $"{platform} was sent at {requests[0].At:O}, before {at:O}.");
            var result = Assert.Single(post["results"]!.AsArray())!;
            Assert.Equal("Published", result["outcome"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(result["platformPostId"]!.GetValue<string>()));
        }

        var linkedIn = Assert.Single(Fakes.PublishRequests(posts[0].Marker));
        var body = JsonNode.Parse(linkedIn.Body)!;
        Assert.Equal("urn:li:organization:4242", body["author"]!.GetValue<string>());
        Assert.Equal("PUBLISHED", body["lifecycleState"]!.GetValue<string>());
        Assert.Equal("MAIN_FEED", body["distribution"]!["feedDistribution"]!.GetValue<string>());
        Assert.Contains("\\(launch\\)", body["commentary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2.0.0", linkedIn.Headers["X-Restli-Protocol-Version"]);
        Assert.Matches("^[0-9]{6}$", linkedIn.Headers["LinkedIn-Version"]);
        Assert.StartsWith("urn:li:share:", (await GetPostAsync(admin, posts[0].Id))["results"]![0]!["platformPostId"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal("at-original", Assert.Single(Fakes.PublishRequests(posts[1].Marker)).AccessToken);
        Assert.Contains("access_token=at-original", Assert.Single(Fakes.PublishRequests(posts[2].Marker)).Body, StringComparison.Ordinal);
        var container = Assert.Single(Fakes.Requests, r => r.Kind == "instagram-media" && r.Marker == posts[3].Marker);
        Assert.Contains("image_url=https://media.test/", container.Body, StringComparison.Ordinal);
        Assert.Contains($"creation_id=c-{posts[3].Marker}", Assert.Single(Fakes.PublishRequests(posts[3].Marker)).Body, StringComparison.Ordinal);
        var google = JsonNode.Parse(Assert.Single(Fakes.PublishRequests(posts[4].Marker)).Body)!;
        Assert.Equal("STANDARD", google["topicType"]!.GetValue<string>());
        Assert.Equal("/v4/accounts/111/locations/222/localPosts", Assert.Single(Fakes.PublishRequests(posts[4].Marker)).Path);

        var tasks = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/automation/tasks"))!["items"]!.AsArray();
        var bluesky = JsonNode.Parse(Assert.Single(Fakes.PublishRequests(posts[5].Marker)).Body)!;
        Assert.Equal("did:plc:acmebskysocial", bluesky["repo"]!.GetValue<string>());
        Assert.Equal("app.bsky.feed.post", bluesky["record"]!["$type"]!.GetValue<string>());

        var threads = Assert.Single(Fakes.PublishRequests(posts[6].Marker));
        Assert.Equal("/25000000000000001/threads_publish", threads.Path);
        Assert.Contains($"creation_id=tc-{posts[6].Marker}", threads.Body, StringComparison.Ordinal);
        Assert.Contains("media_type=TEXT", Assert.Single(Fakes.Requests, r => r.Kind == "threads-container" && r.Marker == posts[6].Marker).Body, StringComparison.Ordinal);

        var pin = JsonNode.Parse(Assert.Single(Fakes.PublishRequests(posts[7].Marker)).Body)!;
        Assert.Equal(FakePinterest.RecipesBoard, pin["board_id"]!.GetValue<string>());
        Assert.Equal("Autumn menu", pin["title"]!.GetValue<string>());
        Assert.Equal("https://acme.example/menu", pin["link"]!.GetValue<string>());
        Assert.Equal("image_url", pin["media_source"]!["source_type"]!.GetValue<string>());
        Assert.StartsWith("https://media.test/", pin["media_source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var upload = Assert.Single(Fakes.PublishRequests(posts[8].Marker));
        Assert.Equal("/upload/youtube/v3/videos", upload.Path);
        var start = JsonNode.Parse(Assert.Single(Fakes.Requests, r => r.Kind == "youtube-init" && r.Marker == posts[8].Marker).Body)!;
        Assert.Equal("Autumn menu", start["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal("unlisted", start["status"]!["privacyStatus"]!.GetValue<string>());
        Assert.Equal(["bakery", "autumn menu"], start["snippet"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.StartsWith("yt", (await GetPostAsync(admin, posts[8].Id))["results"]![0]!["platformPostId"]!.GetValue<string>(), StringComparison.Ordinal);

        var lastChunk = Assert.Single(Fakes.PublishRequests(posts[9].Marker));
        Assert.Equal("/tiktok-upload/", lastChunk.Path);
        Assert.Equal($"bytes 0-{FakeFileStorage.Length - 1}/{FakeFileStorage.Length}", lastChunk.Headers["Content-Range"]);
        var init = JsonNode.Parse(Assert.Single(Fakes.Requests, r => r.Kind == "tiktok-init" && r.Marker == posts[9].Marker).Body)!;
        Assert.Equal("MUTUAL_FOLLOW_FRIENDS", init["post_info"]!["privacy_level"]!.GetValue<string>());
        Assert.True(init["post_info"]!["disable_comment"]!.GetValue<bool>());
        // The creator turned stitches off in TikTok: the post keeps them off.
        Assert.True(init["post_info"]!["disable_stitch"]!.GetValue<bool>());
        Assert.Equal("FILE_UPLOAD", init["source_info"]!["source"]!.GetValue<string>());

        Assert.Equal(Platforms.Length, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("succeeded", t!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Rate_limits_and_outages_are_retried_with_backoff_and_then_succeed()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var xMarker = FakePlatforms.NewMarker();
        var linkedInMarker = FakePlatforms.NewMarker();
        // x-rate-limit-reset is in whole epoch seconds.
        var reset = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeSeconds());
        Fakes.Script("x", xMarker, FakeAnswer.XRateLimited(reset));
        Fakes.Script("linkedin", linkedInMarker, FakeAnswer.Unavailable(), FakeAnswer.RateLimited(TimeSpan.FromSeconds(1)));
        var x = await CreatePostAsync(admin, "x", $"Rate limited {xMarker}");
        var linkedIn = await CreatePostAsync(admin, "linkedIn", $"Outage {linkedInMarker}");

        await (await ScheduleAsync(admin, [(x, DateTimeOffset.UtcNow.AddSeconds(1).ToString("O")), (linkedIn, DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))]))
            .EnsureStatusAsync(HttpStatusCode.OK);

        await WaitForStateAsync(admin, x, Patience, "published");
        await WaitForStateAsync(admin, linkedIn, Patience, "published");
        var xRequests = Fakes.PublishRequests(xMarker);
        Assert.Equal([429, 201], xRequests.Select(r => r.Status));
        Assert.True(xRequests[1].At >= reset.AddMilliseconds(-50), $"X was retried at {xRequests[1].At:O}, before its reset at {reset:O}.");
        var linkedInRequests = Fakes.PublishRequests(linkedInMarker);
        Assert.Equal([503, 429, 201], linkedInRequests.Select(r => r.Status));
        Assert.True(linkedInRequests[2].At - linkedInRequests[1].At >= TimeSpan.FromSeconds(0.95), "Retry-After was not honoured.");

        var runs = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/automation/tasks?contentItemId={linkedIn}"))!["items"]!.AsArray();
        Assert.Equal(["succeeded", "retrying", "retrying"], runs.Select(r => r!["state"]!.GetValue<string>()));
        Assert.Contains("unavailable (503)", runs[2]!["result"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_described_in_the_composer_goes_to_instagram_with_its_alt_text()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "instagram");
        var image = await InsertAssetAsync(factory, admin);
        const string description = "Three loaves of sourdough on a wooden board, steam rising";
        var described = await admin.Client.PatchAsJsonAsync($"/api/v1/assets/{image}", new { altText = $"  {description} " });
        await described.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(description, (await described.Content.ReadFromJsonAsync<JsonObject>())!["altText"]!.GetValue<string>());
        var tooLong = await admin.Client.PatchAsJsonAsync($"/api/v1/assets/{image}", new { altText = new string('a', 1001) });
        await tooLong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await tooLong.ProblemAsync())["errors"]!["altText"]);

        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, "instagram", $"Fresh from the oven {marker}", [image]);
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        await WaitForStateAsync(admin, id, Patience, "published");
        var container = Assert.Single(Fakes.Requests, r => r.Kind == "instagram-media" && r.Marker == marker);
        // The fake keeps the form body decoded.
        Assert.Contains($"alt_text={description}&", container.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_post_fails_with_the_networks_message_and_the_user_is_told()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var marker = FakePlatforms.NewMarker();
        Fakes.Script("facebook", marker, new FakeAnswer(400,
            """{"error":{"message":"(#100) The parameter message is too spammy","type":"OAuthException","code":100,"fbtrace_id":"A1"}}"""));
        var id = await CreatePostAsync(admin, "facebook", $"Buy now {marker}", title: "Spammy post");

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "failed");
        Assert.Contains("(#100) The parameter message is too spammy", post["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Fakes.PublishRequests(marker));
        var notifications = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/notifications"))!;
        var notification = Assert.Single(notifications["items"]!.AsArray(), n => n!["contentItemId"]?.GetValue<Guid>() == id)!;
        Assert.Contains("Spammy post", notification["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("too spammy", notification["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, notifications["unread"]!.GetValue<int>());
        Assert.True(await OutboxContainsAsync(admin.Email, "Spammy post"), "No e-mail told the author.");

        var read = await admin.Client.PostAsync($"/api/v1/notifications/{notification["id"]}/read", null);
        await read.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/notifications"))!["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_post_goes_out()
    {
        var admin = await factory.RegisterAsync();
        var marker = FakePlatforms.NewMarker();
        await ConnectAsync(admin, "x", refreshToken: $"rt-{marker}");
        Fakes.Script("x", marker, FakeAnswer.Unauthorized());
        var id = await CreatePostAsync(admin, "x", $"Fresh token {marker}");

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        await WaitForStateAsync(admin, id, Patience, "published");
        var requests = Fakes.PublishRequests(marker);
        Assert.Equal([401, 201], requests.Select(r => r.Status));
        Assert.Equal("at-original", requests[0].AccessToken);
        Assert.StartsWith("at-refreshed-", requests[1].AccessToken, StringComparison.Ordinal);
        var refresh = Assert.Single(Fakes.Requests, r => r.Kind == "token" && r.Marker == marker);
        Assert.Contains("grant_type=refresh_token", refresh.Body, StringComparison.Ordinal);
        var connection = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!)!;
        Assert.Equal("active", connection["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_the_network_still_refuses_after_one_refresh_fails_the_post_asking_to_reconnect()
    {
        var admin = await factory.RegisterAsync();
        var marker = FakePlatforms.NewMarker();
        await ConnectAsync(admin, "googleBusiness", refreshToken: $"rt-{marker}");
        Fakes.Script("google", marker, FakeAnswer.Unauthorized(), FakeAnswer.Unauthorized());
        var id = await CreatePostAsync(admin, "googleBusiness", $"Opening hours {marker}");

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "failed");
        Assert.Contains("reconnect this account", post["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, Fakes.PublishRequests(marker).Count);
        Assert.Single(Fakes.Requests, r => r.Kind == "token" && r.Marker == marker);
        var connection = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!)!;
        Assert.Equal("needsReconnect", connection["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_whose_answer_is_lost_is_unconfirmed_and_never_sent_again()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var image = await InsertAssetAsync(factory, admin);
        var marker = FakePlatforms.NewMarker();
        // Longer than the 20 s request timeout: the request arrives, the answer does not (the fake logs it when it answers, at 25 s).
        Fakes.Script("instagram-publish", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(25)));
        var id = await CreatePostAsync(admin, "instagram", $"Behind the scenes {marker}", [image]);

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "unconfirmed");
        Assert.Contains("not known whether it was published", post["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        // The fake logs the request when its late answer goes out; then retry bases and the sweep get time to (wrongly) send it again.
        var logged = Stopwatch.StartNew();
        while (Fakes.PublishRequests(marker).Count == 0 && logged.Elapsed < Patience)
        {
            await Task.Delay(250);
        }

        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(Fakes.PublishRequests(marker));
        Assert.Equal("unconfirmed", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
        var notifications = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/notifications"))!["items"]!.AsArray();
        Assert.Contains(notifications, n => n!["kind"]!.GetValue<string>() == "publish-unconfirmed");
    }

    [Fact]
    public async Task A_cancelled_post_is_never_sent()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, "linkedIn", $"Never mind {marker}");
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(2))).EnsureStatusAsync(HttpStatusCode.OK);

        var cancel = await admin.Client.PostAsync($"/api/v1/automation/content/{id}/cancel", null);
        await cancel.EnsureStatusAsync(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(Fakes.PublishRequests(marker));
        Assert.Equal("cancelled", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rescheduled_post_is_sent_at_its_new_time_only()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, "x", $"Moved {marker}");
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(2))).EnsureStatusAsync(HttpStatusCode.OK);

        var later = DateTimeOffset.UtcNow.AddSeconds(6);
        var reschedule = await admin.Client.PostAsJsonAsync($"/api/v1/automation/content/{id}/reschedule", new { at = later.ToString("O") });
        await reschedule.EnsureStatusAsync(HttpStatusCode.OK);

        await WaitForStateAsync(admin, id, Patience, "published");
        var request = Assert.Single(Fakes.PublishRequests(marker));
        Assert.True(request.At >= later.AddMilliseconds(-50), $"Sent at {request.At:O}, before the new time {later:O}.");
    }

    [Fact]
    public async Task Scheduling_again_with_the_same_idempotency_key_answers_the_same_and_schedules_once()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, "facebook", $"Once {marker}");
        var key = Guid.NewGuid().ToString();
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        var first = await ScheduleAsync(admin, id, at, key);
        var second = await ScheduleAsync(admin, id, at, key);
        var other = await ScheduleAsync(admin, id, at.AddMinutes(5), key);

        await first.EnsureStatusAsync(HttpStatusCode.OK);
        await second.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await other.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        await WaitForStateAsync(admin, id, Patience, "published");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(Fakes.PublishRequests(marker));
        Assert.Single((await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/automation/tasks?contentItemId={id}"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task The_sweep_gives_an_overdue_post_without_a_trigger_one_and_takes_back_a_post_a_dead_run_left_publishing()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var lostMarker = FakePlatforms.NewMarker();
        var stuckMarker = FakePlatforms.NewMarker();
        var lost = await CreatePostAsync(admin, "x", $"Trigger lost {lostMarker}");
        var stuck = await CreatePostAsync(admin, "linkedIn", $"Run died {stuckMarker}");
        await (await ScheduleAsync(admin, [(lost, DateTimeOffset.UtcNow.AddHours(1).ToString("O")), (stuck, DateTimeOffset.UtcNow.AddHours(1).ToString("O"))]))
            .EnsureStatusAsync(HttpStatusCode.OK);

        // As if the trigger had never been written, and as if a node had died mid-run after sending nothing.
        var schema = $"tenant_{admin.TenantId:N}";
        await factory.ExecuteSqlAsync($"""
            DELETE FROM quartz.due_posts WHERE tenant_id = '{admin.TenantId}';
            UPDATE "{schema}".content_items SET due_at = now() - interval '10 seconds' WHERE id = '{lost}';
            UPDATE "{schema}".content_items SET state = 'Publishing', current_run_id = '{Guid.NewGuid()}',
                lease_expires_at = now() - interval '1 second' WHERE id = '{stuck}';
            """);

        await WaitForStateAsync(admin, lost, Patience, "published");
        await WaitForStateAsync(admin, stuck, Patience, "published");
        Assert.Single(Fakes.PublishRequests(lostMarker));
        Assert.Single(Fakes.PublishRequests(stuckMarker));
    }

    [Fact]
    public async Task A_run_that_loses_its_post_while_the_request_is_out_still_writes_what_the_network_answered()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var marker = FakePlatforms.NewMarker();
        Fakes.Script("x", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(4)));
        var id = await CreatePostAsync(admin, "x", $"Taken back {marker}");
        var schema = $"tenant_{admin.TenantId:N}";
        var attempts = $"SELECT count(*) FROM \"{schema}\".publish_attempts WHERE content_item_id = '{id}'";

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);
        var waited = Stopwatch.StartNew();
        while (await factory.CountAsync(attempts) == 0 && waited.Elapsed < Patience)
        {
            await Task.Delay(100);
        }

        // While the request is out, the post is written by someone else (as by the sweep after a lease ran out): the
        // run's conclusion, saved with the attempt's outcome, fails on the post's version.
        await factory.ExecuteSqlAsync($"UPDATE \"{schema}\".content_items SET title = title || ' (taken back)' WHERE id = '{id}'");

        // What the network answered is written all the same, and nothing is sent again.
        var outcome = $"{attempts} AND outcome = 'Published' AND platform_post_id IS NOT NULL";
        while (await factory.CountAsync(outcome) == 0 && waited.Elapsed < Patience)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await factory.CountAsync(outcome));
        Assert.Equal(1, await factory.CountAsync(attempts));
        Assert.Single(Fakes.PublishRequests(marker));
        Assert.Equal("publishing", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    private async Task<bool> OutboxContainsAsync(string to, string text)
    {
        for (var i = 0; i < 40; i++)
        {
            if (Directory.Exists(factory.OutboxDirectory))
            {
                foreach (var file in Directory.GetFiles(factory.OutboxDirectory, "*.eml"))
                {
                    var content = await File.ReadAllTextAsync(file);
                    if (content.Contains(to, StringComparison.OrdinalIgnoreCase) && content.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            await Task.Delay(100);
        }

        return false;
    }
}
