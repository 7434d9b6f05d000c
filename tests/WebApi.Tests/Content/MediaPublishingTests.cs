using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>
/// Images and videos on LinkedIn and X through the real pipeline: the job uploads them with each network's protocol
/// (LinkedIn's Images and Videos APIs, X's chunked media upload) against the fakes, then posts once. Each connection's
/// access token carries a marker, so the fakes count the uploads a test caused; each post's text carries its own.
/// </summary>
public sealed class MediaPublishingTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private const long VideoBytes = (9L * 1024 * 1024) + 321;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private FakePlatforms Fakes => factory.Fakes;

    [Fact]
    public async Task An_image_and_a_video_go_to_linkedin_and_x_through_each_upload_protocol_and_each_post_goes_out_once()
    {
        var (admin, linkedIn, x) = await SignUpAsync();
        var image = await InsertMediumAsync(admin, "image/png", 300_000, alt: "A rye loaf on a linen cloth");
        var video = await InsertMediumAsync(admin, "video/mp4", VideoBytes, seconds: 42);
        var posts = new List<(string Platform, string Marker, Guid Id)>();
        foreach (var (platform, medium) in new[] { ("linkedIn", image), ("linkedIn", video), ("x", image), ("x", video) })
        {
            var marker = FakePlatforms.NewMarker();
            posts.Add((platform, marker, await CreatePostAsync(admin, platform, $"Autumn bakes {marker}", [medium])));
        }

        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        await (await ScheduleAsync(admin, posts.Select(p => (p.Id, (string?)at.ToString("O"))))).EnsureStatusAsync(HttpStatusCode.OK);

        foreach (var (_, marker, id) in posts)
        {
            var post = await WaitForStateAsync(admin, id, Patience, "published", "failed", "unconfirmed");
            Assert.True(post["state"]!.GetValue<string>() == "published", post.ToJsonString());
            Assert.Single(Fakes.PublishRequests(marker));
        }

        var linkedInImage = JsonNode.Parse(Fakes.PublishRequests(posts[0].Marker)[0].Body)!["content"]!["media"]!;
        Assert.StartsWith("urn:li:image:", linkedInImage["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("A rye loaf on a linen cloth", linkedInImage["altText"]!.GetValue<string>());
        Assert.Equal(300_000, FakeLinkedInMedia.ReceivedBytes(linkedInImage["id"]!.GetValue<string>()));
        var linkedInVideo = JsonNode.Parse(Fakes.PublishRequests(posts[1].Marker)[0].Body)!["content"]!["media"]!["id"]!.GetValue<string>();
        Assert.StartsWith("urn:li:video:", linkedInVideo, StringComparison.Ordinal);
        Assert.Equal(VideoBytes, FakeLinkedInMedia.ReceivedBytes(linkedInVideo));
        Assert.Equal(3, Fakes.Requests.Count(r => r.Kind == "linkedin-video-part" && Uri.UnescapeDataString(r.Path).Contains(linkedInVideo, StringComparison.Ordinal)));
        Assert.Single(Fakes.Requests, r => r.Kind == "linkedin-video-finalize" && r.Marker == linkedIn);
        Assert.Contains(Fakes.Requests, r => r.Kind == "linkedin-video-status" && r.Marker == linkedIn);

        var xImage = JsonNode.Parse(Fakes.PublishRequests(posts[2].Marker)[0].Body)!["media"]!["media_ids"]![0]!.GetValue<string>();
        var xVideo = JsonNode.Parse(Fakes.PublishRequests(posts[3].Marker)[0].Body)!["media"]!["media_ids"]![0]!.GetValue<string>();
        Assert.Equal((300_000L, 1), FakeXMedia.Received(xImage));
        Assert.Equal("A rye loaf on a linen cloth", FakeXMedia.AltText(xImage));
        Assert.Equal((VideoBytes, 3), FakeXMedia.Received(xVideo));
        Assert.Equal(2, Fakes.Requests.Count(r => r.Kind == "x-media-init" && r.Marker == x));
        // The video: FINALIZE said pending, STATUS in_progress and then succeeded, and only then the post.
        var polls = Fakes.Requests.Where(r => r.Kind == "x-media-status" && r.Marker == x).ToList();
        Assert.Equal(2, polls.Count);
        Assert.True(Fakes.PublishRequests(posts[3].Marker)[0].At >= polls.Max(p => p.At));
        Assert.StartsWith("urn:li:share:", (await GetPostAsync(admin, posts[0].Id))["results"]![0]!["platformPostId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_the_network_could_not_process_fails_the_post_with_the_networks_reason_and_posts_nothing()
    {
        var (admin, linkedIn, x) = await SignUpAsync();
        var video = await InsertMediumAsync(admin, "video/mp4", 200_000, seconds: 12);
        Fakes.Script("linkedin-video-status", linkedIn, FakeLinkedInMedia.ProcessingFailed("The video's audio track could not be decoded"));
        Fakes.Script("x-media-status", x, FakeXMedia.ProcessingFailed("InvalidMedia", "Unsupported video format"));
        var (linkedInMarker, xMarker) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        var linkedInPost = await CreatePostAsync(admin, "linkedIn", $"Behind the ovens {linkedInMarker}", [video]);
        var xPost = await CreatePostAsync(admin, "x", $"Behind the ovens {xMarker}", [video]);

        await (await ScheduleAsync(admin, [(linkedInPost, DateTimeOffset.UtcNow.AddSeconds(1).ToString("O")), (xPost, DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))]))
            .EnsureStatusAsync(HttpStatusCode.OK);

        var failedOnLinkedIn = await WaitForStateAsync(admin, linkedInPost, Patience, "failed");
        var failedOnX = await WaitForStateAsync(admin, xPost, Patience, "failed");
        Assert.Contains("LinkedIn could not process the video: The video's audio track could not be decoded.", failedOnLinkedIn["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("X could not process the video: Unsupported video format.", failedOnX["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        var result = Assert.Single(failedOnX["results"]!.AsArray())!;
        Assert.Equal("Rejected", result["outcome"]!.GetValue<string>());
        Assert.Equal("X could not process the video: Unsupported video format.", result["error"]!.GetValue<string>());
        Assert.Empty(Fakes.PublishRequests(linkedInMarker));
        Assert.Empty(Fakes.PublishRequests(xMarker));
    }

    [Theory]
    [InlineData("x", "x-media-status", 2)]
    [InlineData("linkedIn", "linkedin-video-status", 2)]
    [InlineData("linkedIn", "linkedin-image-upload", 1)]
    public async Task A_run_that_dies_after_the_upload_and_before_the_post_uploads_again_when_taken_back_and_posts_once(
        string platform, string lastUploadStep, int arrivals)
    {
        var (admin, linkedIn, x) = await SignUpAsync();
        var token = platform == "x" ? x : linkedIn;
        var medium = lastUploadStep == "linkedin-image-upload"
            ? await InsertMediumAsync(admin, "image/jpeg", 80_000)
            : await InsertMediumAsync(admin, "video/mp4", 200_000, seconds: 9);
        var marker = FakePlatforms.NewMarker();
        var id = await CreatePostAsync(admin, platform, $"Night shift {marker}", [medium]);
        await DueWithoutTriggerAsync(admin, id);

        // The run stops dead once the network has the whole upload (its last step has arrived), before the post.
        using var dies = new CancellationTokenSource();
        var seen = 0;
        Fakes.Arrived = r =>
        {
            if (r.Kind == lastUploadStep && r.Marker == token && Interlocked.Increment(ref seen) == arrivals)
            {
                dies.Cancel();
            }
        };
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(admin, id, dies.Token));
        }
        finally
        {
            Fakes.Arrived = null;
        }

        Assert.Equal("publishing", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
        Assert.Empty(Fakes.PublishRequests(marker));
        var uploadsBefore = Fakes.Requests.Count(r => r.Kind.EndsWith("-init", StringComparison.Ordinal) && r.Marker == token);

        // Its lease runs out: the sweep takes the post back (no request was out for it) and runs it again.
        await factory.ExecuteSqlAsync($"""UPDATE "tenant_{admin.TenantId:N}".content_items SET lease_expires_at = now() - interval '1 second' WHERE id = '{id}'""");
        var post = await WaitForStateAsync(admin, id, Patience, "published", "failed", "unconfirmed");

        Assert.True(post["state"]!.GetValue<string>() == "published", post.ToJsonString());
        Assert.Single(Fakes.PublishRequests(marker));
        Assert.Equal(2 * uploadsBefore, Fakes.Requests.Count(r => r.Kind.EndsWith("-init", StringComparison.Ordinal) && r.Marker == token));
    }

    [Fact]
    public async Task A_post_whose_answer_is_lost_after_its_media_went_up_is_unconfirmed_and_never_sent_again()
    {
        var (admin, _, x) = await SignUpAsync();
        var image = await InsertMediumAsync(admin, "image/png", 120_000, alt: "Croissants cooling");
        var marker = FakePlatforms.NewMarker();
        // Longer than the 20 s request timeout: the post arrives, its answer does not.
        Fakes.Script("x", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(25)));
        var id = await CreatePostAsync(admin, "x", $"Croissants {marker}", [image]);

        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "unconfirmed");
        Assert.Contains("not known whether it was published", post["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        var logged = Stopwatch.StartNew();
        while (Fakes.PublishRequests(marker).Count == 0 && logged.Elapsed < Patience)
        {
            await Task.Delay(250);
        }

        // Retry bases and the sweep get time to (wrongly) upload and send it again.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Single(Fakes.PublishRequests(marker));
        Assert.Single(Fakes.Requests, r => r.Kind == "x-media-init" && r.Marker == x);
        Assert.Equal("unconfirmed", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Media_a_network_cannot_take_are_refused_when_the_post_is_saved_naming_the_field_and_the_limit()
    {
        var (admin, _, _) = await SignUpAsync();
        var webp = await InsertMediumAsync(admin, "image/webp", 100_000);
        var large = await InsertMediumAsync(admin, "image/jpeg", 6L * 1024 * 1024);
        var video = await InsertMediumAsync(admin, "video/mp4", 200_000, seconds: 12);
        var another = await InsertMediumAsync(admin, "video/mp4", 300_000, seconds: 20);

        var cases = new (string Platform, Guid[] Media, string Message)[]
        {
            ("linkedIn", [webp], "LinkedIn takes JPG, PNG or GIF images; this one is a WEBP file."),
            ("x", [large], "X takes images up to 5 MB; this one is 6 MB."),
            ("linkedIn", [video, another], "A LinkedIn post takes one video; this one has 2."),
        };
        foreach (var (platform, media, message) in cases)
        {
            var response = await admin.Client.PostAsJsonAsync("/api/v1/content", new
            {
                title = "Too much",
                variants = new[] { new { platform, text = "Fresh bread", mediaAssetIds = media } },
            });

            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(message, problem["errors"]!["variants[0].mediaAssetIds"]![0]!.GetValue<string>());
        }
    }

    /// <summary>A workspace with LinkedIn and X connected, each with an access token carrying its own marker.</summary>
    private async Task<(Account Admin, string LinkedIn, string X)> SignUpAsync()
    {
        var admin = await factory.RegisterAsync();
        var (linkedIn, x) = (FakePlatforms.NewMarker(), FakePlatforms.NewMarker());
        await ConnectAsync(admin, "linkedIn", accessToken: $"at-{linkedIn}");
        await ConnectAsync(admin, "x", accessToken: $"at-{x}");
        return (admin, linkedIn, x);
    }

    /// <summary>An image or video asset row whose stored object reads back as <paramref name="size"/> bytes.</summary>
    private async Task<Guid> InsertMediumAsync(Account account, string mediaType, long size, double? seconds = null, string? alt = null)
    {
        var id = Guid.NewGuid();
        var video = mediaType.StartsWith("video/", StringComparison.Ordinal);
        var extension = mediaType[(mediaType.IndexOf('/', StringComparison.Ordinal) + 1)..];
        await factory.ExecuteSqlAsync($"""
            INSERT INTO "tenant_{account.TenantId:N}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
                processing_attempts, chunk_count, uploaded_by, created_at, updated_at, tags, width, height, duration_seconds, alt_text)
            VALUES ('{id}', 'bake', 'bake.{extension}', '{(video ? "Video" : "Image")}', '{mediaType}', {size}, '{Guid.NewGuid():N}{Guid.NewGuid():N}',
                '{FakeFileStorage.SizedKey(account.TenantId, id, size, extension)}', 'Ready', 1, 0, '{account.UserId}', now(), now(), ARRAY[]::text[],
                1080, 1080, {(seconds is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL")}, {(alt is null ? "NULL" : $"'{alt}'")})
            """);
        return id;
    }

    /// <summary>
    /// Scheduled, due in a moment (within the run's early tolerance, before the sweep's grace), with no trigger: only the
    /// run this test starts by hand takes it, until the sweep takes it back.
    /// </summary>
    private async Task DueWithoutTriggerAsync(Account admin, Guid id)
    {
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddHours(1))).EnsureStatusAsync(HttpStatusCode.OK);
        await factory.ExecuteSqlAsync($"""
            DELETE FROM quartz.due_posts WHERE tenant_id = '{admin.TenantId}';
            UPDATE "tenant_{admin.TenantId:N}".content_items SET due_at = now() + interval '1 second' WHERE id = '{id}';
            """);
    }

    /// <summary>The publishing job's work for the post, as a node runs it, with the node's cancellation.</summary>
    private async Task RunAsync(Account admin, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(admin.TenantId);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PublishDueContent(id), cancellationToken);
    }
}
