using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>YouTube's resumable upload against its fake: metadata first, then the bytes, and what a lost answer means.</summary>
public sealed class YouTubePublisherTests : IDisposable
{
    private static readonly DateTimeOffset PublishAt = new(2026, 11, 5, 17, 0, 0, TimeSpan.FromHours(1));
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task A_video_opens_a_resumable_session_with_its_metadata_then_puts_exactly_its_bytes_once()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"How we bake {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        Assert.StartsWith("yt", result.PostId, StringComparison.Ordinal);
        var start = Assert.Single(_fakes.Requests, r => r.Kind == "youtube-init");
        Assert.Equal("/upload/youtube/v3/videos", start.Path);
        Assert.Equal("4096", start.Headers["X-Upload-Content-Length"]);
        Assert.Equal("video/mp4", start.Headers["X-Upload-Content-Type"]);
        Assert.Equal("yt-token", start.AccessToken);
        var metadata = JsonNode.Parse(start.Body)!;
        Assert.Equal("Bread, start to finish", metadata["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal($"How we bake {marker}", metadata["snippet"]!["description"]!.GetValue<string>());
        Assert.Equal(["bread", "sourdough starter"], metadata["snippet"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("private", metadata["status"]!["privacyStatus"]!.GetValue<string>());
        Assert.Equal("2026-11-05T16:00:00Z", metadata["status"]!["publishAt"]!.GetValue<string>());
        var upload = Assert.Single(_fakes.PublishRequests(marker));
        Assert.Equal("video/mp4", upload.Headers["Content-Type"]);
        Assert.Equal("4096", upload.Headers["Content-Length"]);
    }

    [Fact]
    public async Task A_lost_answer_to_a_finished_upload_is_the_published_video_not_an_unconfirmed_post()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("youtube", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(40)));

        var result = await Impatient().PublishAsync(Post($"Crumb shot {marker}"), CancellationToken.None);

        Assert.True(result.Kind == PublishResultKind.Published, $"{result.Kind}: {result.Message}");
        Assert.Single(_fakes.PublishRequests(marker));
        Assert.Single(_fakes.Requests, r => r.Kind == "youtube-resume" && r.Marker == marker);
    }

    [Fact]
    public async Task A_lost_answer_the_session_cannot_explain_is_unconfirmed_and_never_sent_again()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("youtube", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(40)));
        _fakes.Script("youtube-resume", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(40)));

        var result = await Impatient().PublishAsync(Post($"Crumb shot {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Unconfirmed, result.Kind);
        Assert.Single(_fakes.PublishRequests(marker));
    }

    [Fact]
    public async Task The_days_quota_is_retried_later_a_refusal_fails_in_youtubes_words_and_an_expired_token_asks_for_a_refresh()
    {
        var quota = FakePlatforms.NewMarker();
        var refused = FakePlatforms.NewMarker();
        var expired = FakePlatforms.NewMarker();
        _fakes.Script("youtube-init", quota, FakeYouTube.QuotaExceeded());
        _fakes.Script("youtube-init", refused, new FakeAnswer(400,
            """{"error":{"code":400,"message":"The request metadata specifies an invalid video title.","errors":[{"reason":"invalidTitle"}]}}"""));
        _fakes.Script("youtube-init", expired, new FakeAnswer(401,
            """{"error":{"code":401,"message":"Request had invalid authentication credentials.","errors":[{"reason":"authError"}]}}"""));

        var first = await Publisher().PublishAsync(Post($"a {quota}"), CancellationToken.None);
        var second = await Publisher().PublishAsync(Post($"b {refused}"), CancellationToken.None);
        var third = await Publisher().PublishAsync(Post($"c {expired}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, first.Kind);
        Assert.Contains("quota", first.Message, StringComparison.Ordinal);
        Assert.Equal(PublishResultKind.Rejected, second.Kind);
        Assert.Contains("invalid video title", second.Message, StringComparison.Ordinal);
        Assert.Equal(PublishResultKind.Unauthorized, third.Kind);
        Assert.Empty(_fakes.AllPublishRequests());
    }

    public void Dispose() => _fakes.Dispose();

    private YouTubePublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(), TimeProvider.System);

    // Patient enough for the session on a very busy machine, not for the answers the fake holds back 40 s.
    private YouTubePublisher Impatient() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(12) }, Options(), TimeProvider.System);

    private static PublishRequest Post(string text) => new(
        SocialPlatform.YouTube, FakeYouTube.ChannelId, "yt-token", text,
        [new PublishMedia(new Uri("https://media.test/bake.mp4"), true, null,
            new MediaContent(FakeFileStorage.Length, "video/mp4", _ => Task.FromResult<Stream>(new MemoryStream(FakeFileStorage.Bytes))))],
        Guid.NewGuid(), Guid.NewGuid(),
        new PostOptions(Title: "Bread, start to finish", Privacy: "private", Tags: ["bread", "sourdough starter"], PublishAt: PublishAt));

    private IOptions<PlatformOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        YouTube = new PlatformEndpointOptions { BaseUrl = _fakes.BaseUrl },
    });
}
