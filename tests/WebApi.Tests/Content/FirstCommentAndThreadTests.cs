using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>
/// First comments and X threads through the real pipeline: the parts go out in order, each once, each a reply to the one
/// before; a part that fails says so on its own; a comment that fails never makes the post fail; a run that stops half-way
/// through a thread goes on from the last confirmed part.
/// </summary>
public sealed class FirstCommentAndThreadTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);

    private FakePlatforms Fakes => factory.Fakes;

    [Fact]
    public async Task A_thread_and_first_comments_go_out_in_order_each_once_in_the_networks_wire_format()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var image = await InsertAssetAsync(factory, admin);
        var parts = Markers(3);
        var xComment = FakePlatforms.NewMarker();
        var x = await CreatePostAsync(admin, "x", $"Part one {parts[0]}",
            options: new { thread = new[] { $"Part two {parts[1]}", $"Part three {parts[2]}" }, firstComment = $"Menu at acme.example {xComment}" });
        var (linkedInPost, linkedInComment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        var linkedIn = await CreatePostAsync(admin, "linkedIn", $"Autumn menu {linkedInPost}", options: new { firstComment = $"Link: acme.example {linkedInComment}" });
        var (facebookPost, facebookComment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        var facebook = await CreatePostAsync(admin, "facebook", $"Autumn menu {facebookPost}", options: new { firstComment = $"Book a table {facebookComment}" });
        var (instagramPost, instagramComment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        var instagram = await CreatePostAsync(admin, "instagram", $"Autumn menu {instagramPost}", [image], options: new { firstComment = $"#bakery #autumn {instagramComment}" });

        var (threadsPost, threadsComment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        var threads = await CreatePostAsync(admin, "threads", $"Autumn menu {threadsPost}", options: new { firstComment = $"Which one first? {threadsComment}" });

        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O");
        await (await ScheduleAsync(admin, [(x, at), (linkedIn, at), (facebook, at), (instagram, at), (threads, at)])).EnsureStatusAsync(HttpStatusCode.OK);

        var xPost = await WaitForStateAsync(admin, x, Patience, "published");
        var sent = Fakes.Requests.Where(r => r.Kind == "x" && r.Marker is { } m && (parts.Contains(m) || m == xComment)).ToList();
        Assert.Equal([.. parts, xComment], sent.Select(r => r.Marker));
        var xParts = PartsOf(xPost, "x");
        Assert.Equal(["post:1", "threadPart:2", "threadPart:3", "firstComment:1"], xParts.Select(p => $"{p["kind"]}:{p["part"]}"));
        Assert.All(xParts, p => Assert.Equal("Published", p["outcome"]!.GetValue<string>()));
        Assert.Null(JsonNode.Parse(sent[0].Body)!["reply"]);
        // Each part answers the one before; the first comment answers the thread's last part.
        for (var i = 1; i < sent.Count; i++)
        {
            Assert.Equal(xParts[i - 1]["platformPostId"]!.GetValue<string>(), JsonNode.Parse(sent[i].Body)!["reply"]!["in_reply_to_tweet_id"]!.GetValue<string>());
        }

        Assert.Equal(xParts[0]["platformPostId"]!.GetValue<string>(), Assert.Single(xPost["results"]!.AsArray())!["platformPostId"]!.GetValue<string>());

        var linkedInDone = await WaitForStateAsync(admin, linkedIn, Patience, "published");
        var shareUrn = PartsOf(linkedInDone, "linkedIn")[0]["platformPostId"]!.GetValue<string>();
        Assert.Single(Fakes.PublishRequests(linkedInPost));
        var comment = Assert.Single(Fakes.PublishRequests(linkedInComment));
        Assert.Equal("linkedin-comment", comment.Kind);
        Assert.Equal($"/rest/socialActions/{shareUrn}/comments", Uri.UnescapeDataString(comment.Path));
        var body = JsonNode.Parse(comment.Body)!;
        Assert.Equal("urn:li:organization:4242", body["actor"]!.GetValue<string>());
        Assert.Equal(shareUrn, body["object"]!.GetValue<string>());
        Assert.StartsWith("Link: acme.example", body["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2.0.0", comment.Headers["X-Restli-Protocol-Version"]);
        Assert.StartsWith("urn:li:comment:", PartsOf(linkedInDone, "linkedIn")[1]["platformPostId"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var (id, platform, postMarker, commentMarker) in new[] { (facebook, "facebook", facebookPost, facebookComment), (instagram, "instagram", instagramPost, instagramComment) })
        {
            var done = await WaitForStateAsync(admin, id, Patience, "published");
            var postId = PartsOf(done, platform)[0]["platformPostId"]!.GetValue<string>();
            Assert.Single(Fakes.PublishRequests(postMarker));
            var graph = Assert.Single(Fakes.PublishRequests(commentMarker));
            Assert.Equal($"/{postId}/comments", graph.Path);
            Assert.Contains("access_token=at-original", graph.Body, StringComparison.Ordinal);
            Assert.Contains("message=", graph.Body, StringComparison.Ordinal);
            Assert.Equal("Published", PartsOf(done, platform)[1]["outcome"]!.GetValue<string>());
        }

        // On Threads the first comment is a reply: a text container answering the post, then its publish.
        var threadsDone = await WaitForStateAsync(admin, threads, Patience, "published");
        var threadsId = PartsOf(threadsDone, "threads")[0]["platformPostId"]!.GetValue<string>();
        Assert.Single(Fakes.PublishRequests(threadsPost));
        var reply = Assert.Single(Fakes.Requests, r => r.Kind == "threads-container" && r.Marker == threadsComment);
        Assert.Contains($"reply_to_id={threadsId}", reply.Body, StringComparison.Ordinal);
        Assert.Contains("media_type=TEXT", reply.Body, StringComparison.Ordinal);
        Assert.Equal("threads", Assert.Single(Fakes.PublishRequests(threadsComment)).Kind);
        Assert.Equal("Published", PartsOf(threadsDone, "threads")[1]["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_first_comment_leaves_the_post_published_with_the_reason_and_can_be_sent_again_once()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var (post, comment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        Fakes.Script("graph-comment", comment, FakeAnswer.BadRequest("(#100) The comment could not be posted"));
        var id = await CreatePostAsync(admin, "facebook", $"Autumn menu {post}", options: new { firstComment = $"Book a table {comment}" });
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var published = await WaitForStateAsync(admin, id, Patience, "published");
        var failed = PartsOf(published, "facebook")[1];
        Assert.Equal("firstComment", failed["kind"]!.GetValue<string>());
        Assert.Equal("Rejected", failed["outcome"]!.GetValue<string>());
        Assert.Contains("The comment could not be posted", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Published", published["results"]![0]!["outcome"]!.GetValue<string>());
        var publishedAt = published["publishedAt"]!.GetValue<DateTimeOffset>();

        var retry = await admin.Client.PostAsync($"/api/v1/automation/content/{id}/first-comments/retry", null);
        await retry.EnsureStatusAsync(HttpStatusCode.OK);
        var again = await WaitForCommentAsync(admin, id, "facebook", "Published");
        Assert.Equal("published", again["state"]!.GetValue<string>());
        Assert.Equal(publishedAt, again["publishedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(Fakes.PublishRequests(post));
        Assert.Equal([400, 200], Fakes.PublishRequests(comment).Select(r => r.Status));

        // Nothing is left to send: a second retry is refused and sends nothing.
        var nothing = await admin.Client.PostAsync($"/api/v1/automation/content/{id}/first-comments/retry", null);
        await nothing.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, Fakes.PublishRequests(comment).Count);
        Assert.Single(Fakes.PublishRequests(post));
    }

    [Fact]
    public async Task A_rate_limited_first_comment_is_retried_with_backoff_and_the_post_is_not_sent_again()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var (post, comment) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        Fakes.Script("linkedin-comment", comment, FakeAnswer.RateLimited(TimeSpan.FromSeconds(1)));
        var id = await CreatePostAsync(admin, "linkedIn", $"Autumn menu {post}", options: new { firstComment = $"Link {comment}" });
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        await WaitForCommentAsync(admin, id, "linkedIn", "Published");
        Assert.Single(Fakes.PublishRequests(post));
        Assert.Equal([429, 201], Fakes.PublishRequests(comment).Select(r => r.Status));
        Assert.Equal("published", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_thread_part_that_meets_an_outage_is_sent_again_from_that_part_on()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var parts = Markers(3);
        Fakes.Script("x", parts[1], FakeAnswer.Unavailable());
        var id = await CreatePostAsync(admin, "x", $"One {parts[0]}", options: new { thread = new[] { $"Two {parts[1]}", $"Three {parts[2]}" } });
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "published");
        Assert.Single(Fakes.PublishRequests(parts[0]));
        Assert.Equal([503, 201], Fakes.PublishRequests(parts[1]).Select(r => r.Status));
        Assert.Single(Fakes.PublishRequests(parts[2]));
        var xParts = PartsOf(post, "x");
        Assert.Equal(xParts[0]["platformPostId"]!.GetValue<string>(), ReplyTo(Fakes.PublishRequests(parts[1])[1]));
        Assert.Equal(xParts[1]["platformPostId"]!.GetValue<string>(), ReplyTo(Fakes.PublishRequests(parts[2])[0]));
    }

    [Fact]
    public async Task A_thread_part_whose_answer_is_lost_leaves_the_thread_unconfirmed_and_sends_nothing_after_it()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var parts = Markers(3);
        // Longer than the 20 s request timeout: part two arrives, its answer does not.
        Fakes.Script("x", parts[1], FakeAnswer.Slow(TimeSpan.FromSeconds(25)));
        var id = await CreatePostAsync(admin, "x", $"One {parts[0]}", options: new { thread = new[] { $"Two {parts[1]}", $"Three {parts[2]}" } });
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "unconfirmed");
        Assert.Contains("Part 2 of 3", post["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        var xParts = PartsOf(post, "x");
        Assert.Equal(["Published", "Unconfirmed"], xParts.Select(p => p["outcome"]!.GetValue<string>()));
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Single(Fakes.PublishRequests(parts[0]));
        Assert.Single(Fakes.PublishRequests(parts[1]));
        Assert.Empty(Fakes.PublishRequests(parts[2]));
        Assert.Equal("unconfirmed", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_restart_mid_thread_publishing_goes_on_from_the_last_confirmed_part()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var parts = Markers(4);
        var between = await CreatePostAsync(admin, "x", $"One {parts[0]}", options: new { thread = parts[1..].Select(m => $"Next {m}").ToArray() });
        var during = Markers(3);
        var whileOut = await CreatePostAsync(admin, "x", $"One {during[0]}", options: new { thread = during[1..].Select(m => $"Next {m}").ToArray() });
        await (await ScheduleAsync(admin, [(between, DateTimeOffset.UtcNow.AddHours(1).ToString("O")), (whileOut, DateTimeOffset.UtcNow.AddHours(1).ToString("O"))]))
            .EnsureStatusAsync(HttpStatusCode.OK);

        // As if a node had died mid-thread: for the first post after parts 1 and 2 were confirmed and before part 3 went
        // out; for the second while part 2 was out (its attempt still "Sending").
        var schema = $"tenant_{admin.TenantId:N}";
        var (runA, runB) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.ExecuteSqlAsync($"""
            DELETE FROM quartz.due_posts WHERE tenant_id = '{admin.TenantId}';
            UPDATE "{schema}".content_items SET state = 'Publishing', current_run_id = '{runA}', due_at = now() - interval '5 seconds',
                lease_expires_at = now() - interval '1 second' WHERE id = '{between}';
            UPDATE "{schema}".content_items SET state = 'Publishing', current_run_id = '{runB}', due_at = now() - interval '5 seconds',
                lease_expires_at = now() - interval '1 second' WHERE id = '{whileOut}';
            INSERT INTO "{schema}".publish_attempts (id, content_item_id, run_id, platform, started_at, finished_at, outcome, platform_post_id, part_kind, part)
            VALUES ('{Guid.NewGuid()}', '{between}', '{runA}', 'X', now(), now(), 'Published', '900001', 'Post', 1),
                   ('{Guid.NewGuid()}', '{between}', '{runA}', 'X', now(), now(), 'Published', '900002', 'ThreadPart', 2),
                   ('{Guid.NewGuid()}', '{whileOut}', '{runB}', 'X', now(), now(), 'Published', '900011', 'Post', 1),
                   ('{Guid.NewGuid()}', '{whileOut}', '{runB}', 'X', now(), NULL, 'Sending', NULL, 'ThreadPart', 2);
            """);

        var done = await WaitForStateAsync(admin, between, Patience, "published");
        Assert.Empty(Fakes.PublishRequests(parts[0]));
        Assert.Empty(Fakes.PublishRequests(parts[1]));
        Assert.Equal("900002", ReplyTo(Assert.Single(Fakes.PublishRequests(parts[2]))));
        Assert.Equal(PartsOf(done, "x")[2]["platformPostId"]!.GetValue<string>(), ReplyTo(Assert.Single(Fakes.PublishRequests(parts[3]))));

        var unknown = await WaitForStateAsync(admin, whileOut, Patience, "unconfirmed");
        Assert.Equal(["Published", "Unconfirmed"], PartsOf(unknown, "x").Select(p => p["outcome"]!.GetValue<string>()));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.All(during, m => Assert.Empty(Fakes.PublishRequests(m)));
    }

    [Fact]
    public async Task Bad_parts_and_comments_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAllAsync(admin);
        var before = await CountAsync(admin);

        await RefusedAsync(admin, "x", new { thread = new[] { "Two", "  " } }, "variants[0].options.thread[1]", "Part 3 of the thread is empty");
        await RefusedAsync(admin, "googleBusiness", new { firstComment = "Hello" }, "variants[0].options.firstComment", "does not take a first comment");
        await RefusedAsync(admin, "linkedIn", new { thread = new[] { "Two" } }, "variants[0].options.thread", "threads are for X");
        Assert.Equal(before, await CountAsync(admin));

        // Limits are the network's and are checked when the post is scheduled, as its text is.
        var longPart = await CreatePostAsync(admin, "x", "One", options: new { thread = new[] { new string('a', 281) } });
        var refused = await ScheduleAsync(admin, longPart, DateTimeOffset.UtcNow.AddDays(1));
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single((await refused.ProblemAsync())["errors"]!["variants[0].options.thread[0]"]!.AsArray())!.GetValue<string>();
        Assert.Contains("Part 2 of the thread is too long", message, StringComparison.Ordinal);
        Assert.Contains("280", message, StringComparison.Ordinal);
        Assert.Equal("draft", (await GetPostAsync(admin, longPart))["state"]!.GetValue<string>());

        var longComment = await CreatePostAsync(admin, "linkedIn", "Menu", options: new { firstComment = new string('a', 1251) });
        var tooLong = await ScheduleAsync(admin, longComment, DateTimeOffset.UtcNow.AddDays(1));
        await tooLong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1,250", (await tooLong.ProblemAsync())["errors"]!["variants[0].options.firstComment"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // A retry on a post that is not published is refused and changes nothing.
        var retry = await admin.Client.PostAsync($"/api/v1/automation/content/{longComment}/first-comments/retry", null);
        await retry.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("draft", (await GetPostAsync(admin, longComment))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_workspace_cannot_retry_a_posts_first_comments_and_a_viewer_cannot_either()
    {
        var owner = await factory.RegisterAsync();
        await ConnectAsync(owner, "facebook");
        var id = await CreatePostAsync(owner, "facebook", "Menu", options: new { firstComment = "Book a table" });
        var stranger = await factory.RegisterAsync();

        var response = await stranger.Client.PostAsync($"/api/v1/automation/content/{id}/first-comments/retry", null);
        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        var anonymous = factory.CreateClient();
        await (await anonymous.PostAsync($"/api/v1/automation/content/{id}/first-comments/retry", null)).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("draft", (await GetPostAsync(owner, id))["state"]!.GetValue<string>());
    }

    private static string[] Markers(int count) => Enumerable.Range(0, count).Select(_ => FakePlatforms.NewMarker()).ToArray();

    private static string? ReplyTo(FakeRequest request) => JsonNode.Parse(request.Body)!["reply"]?["in_reply_to_tweet_id"]?.GetValue<string>();

    private static List<JsonNode> PartsOf(JsonObject post, string platform) =>
        post["parts"]!.AsArray().Where(p => p!["platform"]!.GetValue<string>() == platform).Select(p => p!).ToList();

    private static async Task<JsonObject> WaitForCommentAsync(Account account, Guid id, string platform, string outcome)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonObject post;
        do
        {
            post = await GetPostAsync(account, id);
            if (post["state"]!.GetValue<string>() == "published" &&
                PartsOf(post, platform).SingleOrDefault(p => p["kind"]!.GetValue<string>() == "firstComment")?["outcome"]?.GetValue<string>() == outcome)
            {
                return post;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"The first comment on {platform} is not {outcome} after {Patience}: {post.ToJsonString()}");
    }

    private static async Task RefusedAsync(Account admin, string platform, object options, string field, string words)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title = "Refused",
            variants = new[] { new { platform, text = "Hello", mediaAssetIds = Array.Empty<Guid>(), options } },
        });
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.Contains(words, Assert.Single(errors[field]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(Account admin) =>
        (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?pageSize=200"))!["total"]!.GetValue<int>();
}
