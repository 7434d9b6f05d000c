using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using static BrandAutomator.Infrastructure.Tests.Publishing.MediaUploadTestKit;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>X's v2 chunked media upload against its fake: INIT, APPEND, FINALIZE, STATUS, alt text, then the post.</summary>
public sealed class XMediaUploaderTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task An_image_goes_up_in_one_segment_gets_its_alt_text_and_is_named_in_the_post()
    {
        var marker = FakePlatforms.NewMarker();

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.X, marker, Medium(300_000, "image/jpeg", false, "Sourdough, sliced")), CancellationToken.None);
        var post = await Publisher().PublishAsync(Post(marker, upload.Media), CancellationToken.None);

        Assert.Null(upload.Failure);
        var id = Assert.Single(upload.Media).NetworkMediaId!;
        var init = JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "x-media-init" && r.Marker == marker).Body)!;
        Assert.Equal("tweet_image", init["media_category"]!.GetValue<string>());
        Assert.Equal(300_000, init["total_bytes"]!.GetValue<long>());
        Assert.Equal((300_000L, 1), FakeXMedia.Received(id));
        // An image needs no processing: no STATUS.
        Assert.DoesNotContain(_fakes.Requests, r => r.Kind == "x-media-status" && r.Marker == marker);
        Assert.Equal("Sourdough, sliced", FakeXMedia.AltText(id));
        Assert.Equal(PublishResultKind.Published, post.Kind);
        var body = JsonNode.Parse(Assert.Single(_fakes.PublishRequests(marker)).Body)!;
        Assert.Equal([id], body["media"]!["media_ids"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal($"Fresh from the oven {marker}", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_video_is_appended_in_chunks_and_posted_only_after_status_says_succeeded()
    {
        var marker = FakePlatforms.NewMarker();
        var size = (9L * 1024 * 1024) + 7;
        var opened = 0;

        var upload = await Uploader().UploadAsync(
            Request(SocialPlatform.X, marker, Medium(size, "video/mp4", true, "ignored for videos", () => opened++)), CancellationToken.None);
        var post = await Publisher().PublishAsync(Post(marker, upload.Media), CancellationToken.None);

        Assert.Null(upload.Failure);
        var id = Assert.Single(upload.Media).NetworkMediaId!;
        Assert.Equal(1, opened);
        Assert.Equal((size, 3), FakeXMedia.Received(id));
        Assert.Equal("tweet_video", JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "x-media-init" && r.Marker == marker).Body)!["media_category"]!.GetValue<string>());
        // FINALIZE said pending; STATUS said in_progress, then succeeded.
        var polls = _fakes.Requests.Where(r => r.Kind == "x-media-status" && r.Marker == marker).ToList();
        Assert.Equal(2, polls.Count);
        Assert.Null(FakeXMedia.AltText(id));
        Assert.Equal(PublishResultKind.Published, post.Kind);
        Assert.True(Assert.Single(_fakes.PublishRequests(marker)).At >= polls.Max(p => p.At));
    }

    [Fact]
    public async Task An_animated_gif_goes_up_as_a_gif_and_waits_for_its_processing()
    {
        var marker = FakePlatforms.NewMarker();

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.X, marker, Medium(2_000_000, "image/gif", false, "A loaf rising")), CancellationToken.None);

        Assert.Null(upload.Failure);
        Assert.Equal("tweet_gif", JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "x-media-init" && r.Marker == marker).Body)!["media_category"]!.GetValue<string>());
        Assert.Equal("A loaf rising", FakeXMedia.AltText(upload.Media[0].NetworkMediaId!));
    }

    [Fact]
    public async Task A_video_x_could_not_process_stops_the_post_with_xs_reason()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("x-media-status", marker, FakeXMedia.ProcessingFailed("InvalidMedia", "Unsupported video format"));

        var upload = await Uploader().UploadAsync(Request(SocialPlatform.X, marker, Medium(200_000, "video/mp4", true)), CancellationToken.None);

        Assert.Equal(PublishResultKind.Rejected, upload.Failure?.Kind);
        Assert.Equal("X could not process the video: Unsupported video format.", upload.Failure?.Message);
        Assert.Empty(_fakes.PublishRequests(marker));
    }

    [Fact]
    public async Task A_refused_token_asks_for_a_refresh_and_a_rate_limit_waits_for_xs_reset()
    {
        var expired = FakePlatforms.NewMarker();
        var limited = FakePlatforms.NewMarker();
        _fakes.Script("x-media-init", expired, FakeAnswer.Unauthorized());
        _fakes.Script("x-media-append", limited, FakeAnswer.XRateLimited(DateTimeOffset.UtcNow.AddMinutes(5)));

        var first = await Uploader().UploadAsync(Request(SocialPlatform.X, expired, Medium(1_000, "image/png", false)), CancellationToken.None);
        var second = await Uploader().UploadAsync(Request(SocialPlatform.X, limited, Medium(1_000, "image/png", false)), CancellationToken.None);

        Assert.Equal(PublishResultKind.Unauthorized, first.Failure?.Kind);
        Assert.Equal(PublishResultKind.RetryLater, second.Failure?.Kind);
        Assert.InRange(second.Failure!.RetryAfter!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData(1L, 4L * 1024 * 1024)]
    [InlineData(4L * 1024 * 1024 * 1000, 4L * 1024 * 1024)]
    [InlineData(8L * 1024 * 1024 * 1024, 8_589_935L)]
    public void Chunks_are_4_mb_unless_1000_segments_would_not_hold_the_file(long size, long chunk)
    {
        Assert.Equal(chunk, XMediaUploader.ChunkSize(size));
        Assert.True((size + chunk - 1) / chunk <= 1000);
    }

    public void Dispose() => _fakes.Dispose();

    private XMediaUploader Uploader() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(_fakes.BaseUrl), TimeProvider.System);

    private XPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(_fakes.BaseUrl), TimeProvider.System);

    private static PublishRequest Post(string marker, IReadOnlyList<PublishMedia> media) =>
        new(SocialPlatform.X, "1700000000", $"at-{marker}", $"Fresh from the oven {marker}", media, Guid.NewGuid(), Guid.NewGuid());
}
