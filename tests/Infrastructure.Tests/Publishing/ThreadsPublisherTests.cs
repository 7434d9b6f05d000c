using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>Threads' container then publish, against the fake: what is harmless to repeat and what is not.</summary>
public sealed class ThreadsPublisherTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task A_text_post_is_a_text_container_then_one_publish_with_the_token_in_the_header()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"Autumn menu {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        var container = Assert.Single(_fakes.Requests, r => r.Kind == "threads-container" && r.Marker == marker);
        Assert.Equal("/2500/threads", container.Path);
        Assert.Contains("media_type=TEXT", container.Body, StringComparison.Ordinal);
        var publish = Assert.Single(_fakes.PublishRequests(marker));
        Assert.Equal("/2500/threads_publish", publish.Path);
        Assert.Equal("threads-token", publish.AccessToken);
        Assert.DoesNotContain("threads-token", publish.Path + publish.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carousel_of_an_image_and_a_video_has_items_with_alt_text_waits_for_the_video_and_publishes_once()
    {
        var marker = FakePlatforms.NewMarker();

        var result = await Publisher().PublishAsync(Post($"Two views {marker}") with
        {
            Media = [new PublishMedia(new Uri("https://media.test/a.png"), false, "The café at dawn"), new PublishMedia(new Uri("https://media.test/b.mp4"), true)],
        }, CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        var containers = _fakes.Requests.Where(r => r.Kind == "threads-container").ToList();
        Assert.Contains(containers, c => c.Body.Contains("media_type=IMAGE", StringComparison.Ordinal) &&
                                         c.Body.Contains("is_carousel_item=true", StringComparison.Ordinal) &&
                                         c.Body.Contains("alt_text=The café at dawn", StringComparison.Ordinal));
        Assert.Contains(containers, c => c.Body.Contains("media_type=VIDEO", StringComparison.Ordinal));
        var carousel = Assert.Single(containers, c => c.Marker == marker);
        Assert.Contains("media_type=CAROUSEL", carousel.Body, StringComparison.Ordinal);
        Assert.Contains(_fakes.Requests, r => r.Kind == "instagram-status" && r.Path.StartsWith("/tc-", StringComparison.Ordinal));
        Assert.Single(_fakes.PublishRequests(marker));
    }

    [Fact]
    public async Task A_lost_container_answer_is_retried_but_a_lost_publish_answer_is_unconfirmed()
    {
        var container = FakePlatforms.NewMarker();
        var publish = FakePlatforms.NewMarker();
        _fakes.Script("threads-container", container, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        _fakes.Script("threads", publish, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var impatient = new ThreadsPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(), TimeProvider.System);

        var first = await impatient.PublishAsync(Post($"Hi {container}"), CancellationToken.None);
        var second = await impatient.PublishAsync(Post($"Hi {publish}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, first.Kind);
        Assert.Empty(_fakes.PublishRequests(container));
        Assert.Equal(PublishResultKind.Unconfirmed, second.Kind);
    }

    public void Dispose() => _fakes.Dispose();

    private ThreadsPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(), TimeProvider.System);

    private static PublishRequest Post(string text) => new(SocialPlatform.Threads, "2500", "threads-token", text, [], Guid.NewGuid(), Guid.NewGuid());

    private IOptions<PlatformOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        Threads = new PlatformEndpointOptions { BaseUrl = _fakes.BaseUrl },
        InstagramVideoPollSeconds = 0.05,
    });
}
