using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>TikTok's direct post against its fake: creator info, init, chunks, status, and which steps may be repeated.</summary>
public sealed class TikTokPublisherTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task A_video_asks_the_creators_options_inits_with_its_settings_uploads_its_bytes_and_polls_until_published()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"Fresh rye {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        Assert.StartsWith("73", result.PostId, StringComparison.Ordinal);
        Assert.Single(_fakes.Requests, r => r.Kind == "tiktok-creator");
        var init = JsonNode.Parse(Assert.Single(_fakes.Requests, r => r.Kind == "tiktok-init").Body)!;
        Assert.Equal($"Fresh rye {marker}", init["post_info"]!["title"]!.GetValue<string>());
        Assert.Equal("SELF_ONLY", init["post_info"]!["privacy_level"]!.GetValue<string>());
        Assert.True(init["post_info"]!["disable_duet"]!.GetValue<bool>());
        Assert.False(init["post_info"]!["disable_comment"]!.GetValue<bool>());
        Assert.True(init["post_info"]!["disable_stitch"]!.GetValue<bool>());
        Assert.Equal(FakeFileStorage.Length, init["source_info"]!["video_size"]!.GetValue<long>());
        Assert.Equal(1, init["source_info"]!["total_chunk_count"]!.GetValue<int>());
        var upload = Assert.Single(_fakes.PublishRequests(marker));
        Assert.Equal($"bytes 0-4095/4096", upload.Headers["Content-Range"]);
        Assert.Null(upload.AccessToken);
        Assert.Equal(2, _fakes.Requests.Count(r => r.Kind == "tiktok-status" && r.Marker == marker));
    }

    [Fact]
    public async Task A_privacy_the_creator_is_not_offered_is_refused_in_words_before_anything_is_sent()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"x {marker}") with { Options = new PostOptions(Privacy: "FOLLOWER_OF_CREATOR") }, CancellationToken.None);

        Assert.Equal(PublishResultKind.Rejected, result.Kind);
        Assert.Contains("\"Followers\"", result.Message, StringComparison.Ordinal);
        Assert.Contains("Acme Bakery", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FOLLOWER_OF_CREATOR", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fakes.Requests, r => r.Kind is "tiktok-init" or "tiktok");
    }

    [Fact]
    public async Task A_failed_post_fails_with_tiktoks_reason_in_words()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("tiktok-status", marker, FakeTikTok.Failed("duration_check_failed"));

        var result = await Publisher().PublishAsync(Post($"Long take {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Rejected, result.Kind);
        Assert.Equal("TikTok could not publish the video: the video is longer than this account may post.", result.Message);
    }

    [Fact]
    public async Task A_lost_init_is_retried_a_lost_last_chunk_is_unconfirmed_and_a_video_still_processing_is_never_sent_again()
    {
        var init = FakePlatforms.NewMarker();
        var chunk = FakePlatforms.NewMarker();
        var processing = FakePlatforms.NewMarker();
        _fakes.Script("tiktok-init", init, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        _fakes.Script("tiktok", chunk, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var still = new FakeAnswer(200, """{"data":{"status":"PROCESSING_UPLOAD"},"error":{"code":"ok","message":"","log_id":"fake"}}""");
        _fakes.Script("tiktok-status", processing, still, still, still, still);
        var impatient = new TikTokPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(polls: 3), TimeProvider.System);

        var first = await impatient.PublishAsync(Post($"a {init}"), CancellationToken.None);
        var second = await impatient.PublishAsync(Post($"b {chunk}"), CancellationToken.None);
        var third = await impatient.PublishAsync(Post($"c {processing}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, first.Kind);
        Assert.Empty(_fakes.PublishRequests(init));
        Assert.Equal(PublishResultKind.Unconfirmed, second.Kind);
        Assert.Equal(PublishResultKind.Unconfirmed, third.Kind);
        Assert.Contains("still processing", third.Message, StringComparison.Ordinal);
        Assert.Contains("v_pub_file", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_is_retried_after_tiktoks_wait_and_an_invalid_token_asks_for_a_refresh()
    {
        var limited = FakePlatforms.NewMarker();
        var expired = FakePlatforms.NewMarker();
        _fakes.Script("tiktok-init", limited, new FakeAnswer(429, """{"error":{"code":"rate_limit_exceeded","message":"Too many requests","log_id":"x"}}""",
            new Dictionary<string, string> { ["Retry-After"] = "30" }));
        _fakes.Script("tiktok-init", expired, new FakeAnswer(401, """{"error":{"code":"access_token_invalid","message":"The access token is invalid","log_id":"x"}}"""));

        var first = await Publisher().PublishAsync(Post($"a {limited}"), CancellationToken.None);
        var second = await Publisher().PublishAsync(Post($"b {expired}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, first.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryAfter);
        Assert.Equal(PublishResultKind.Unauthorized, second.Kind);
    }

    [Theory]
    [InlineData(4_096L, 4_096L, 1)]
    [InlineData(64L << 20, 64L << 20, 1)]
    [InlineData((64L << 20) + 1, 10L << 20, 6)]
    [InlineData(1L << 30, 10L << 20, 102)]
    public void Chunks_follow_tiktoks_rules(long size, long chunk, int count)
    {
        Assert.Equal((chunk, count), TikTokPublisher.Chunks(size));
        // The last chunk takes the rest: at least one chunk, under twice the chunk size (TikTok allows up to 128 MB).
        Assert.InRange(size - (chunk * (count - 1)), chunk, Math.Max(chunk, (2 * chunk) - 1));
    }

    public void Dispose() => _fakes.Dispose();

    private TikTokPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(), TimeProvider.System);

    private static PublishRequest Post(string text) => new(
        SocialPlatform.TikTok, FakeTikTok.OpenId, "tiktok-token", text,
        [new PublishMedia(new Uri("https://media.test/rye.mp4"), true, null,
            new MediaContent(FakeFileStorage.Length, "video/mp4", _ => Task.FromResult<Stream>(new MemoryStream(FakeFileStorage.Bytes))))],
        Guid.NewGuid(), Guid.NewGuid(), new PostOptions(Privacy: "SELF_ONLY", DisableDuet: true));

    private IOptions<PlatformOptions> Options(int polls = 30) => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        TikTok = new PlatformEndpointOptions { BaseUrl = _fakes.BaseUrl },
        InstagramVideoPolls = polls,
        InstagramVideoPollSeconds = 0.05,
    });
}
