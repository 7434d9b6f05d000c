using System.Net;
using System.Net.Sockets;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>Where the line runs between "not sent, retry" and "may have been sent, Unconfirmed".</summary>
public sealed class PublisherFailureTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();

    [Fact]
    public async Task A_refused_connection_sent_nothing_and_is_retried()
    {
        var closed = ClosedPort();
        var publisher = new XPublisher(new HttpClient(), Options($"http://127.0.0.1:{closed}"), TimeProvider.System);

        var result = await publisher.PublishAsync(Request(SocialPlatform.X), CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, result.Kind);
    }

    [Fact]
    public async Task A_post_whose_answer_does_not_come_in_time_is_unconfirmed()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("x", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var publisher = new XPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(_fakes.BaseUrl), TimeProvider.System);

        var result = await publisher.PublishAsync(Request(SocialPlatform.X, marker), CancellationToken.None);

        Assert.Equal(PublishResultKind.Unconfirmed, result.Kind);
    }

    [Fact]
    public async Task An_instagram_container_that_times_out_is_retried_because_a_container_is_not_a_post()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("instagram-media", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var publisher = new InstagramPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(_fakes.BaseUrl), TimeProvider.System);

        var result = await publisher.PublishAsync(
            Request(SocialPlatform.Instagram, marker) with { Media = [new PublishMedia(new Uri("https://media.test/a.png"), false)] }, CancellationToken.None);

        Assert.Equal(PublishResultKind.RetryLater, result.Kind);
        Assert.Empty(_fakes.PublishRequests(marker));
    }

    [Fact]
    public async Task The_graph_apis_expired_token_and_rate_limit_codes_are_told_apart_from_refusals()
    {
        var expired = FakePlatforms.NewMarker();
        var limited = FakePlatforms.NewMarker();
        _fakes.Script("facebook", expired, new FakeAnswer(400, """{"error":{"message":"Error validating access token","type":"OAuthException","code":190}}"""));
        _fakes.Script("facebook", limited, new FakeAnswer(400, """{"error":{"message":"Application request limit reached","type":"OAuthException","code":4}}"""));
        var publisher = new FacebookPublisher(new HttpClient(), Options(_fakes.BaseUrl), TimeProvider.System);

        Assert.Equal(PublishResultKind.Unauthorized, (await publisher.PublishAsync(Request(SocialPlatform.Facebook, expired), CancellationToken.None)).Kind);
        Assert.Equal(PublishResultKind.RetryLater, (await publisher.PublishAsync(Request(SocialPlatform.Facebook, limited), CancellationToken.None)).Kind);
    }

    public void Dispose() => _fakes.Dispose();

    private static PublishRequest Request(SocialPlatform platform, string? marker = null) =>
        new(platform, "1010", "token", $"Hello {marker ?? FakePlatforms.NewMarker()}", [], Guid.NewGuid(), Guid.NewGuid());

    private static IOptions<PlatformOptions> Options(string baseUrl) => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        X = new PlatformEndpointOptions { BaseUrl = baseUrl },
        Facebook = new PlatformEndpointOptions { BaseUrl = baseUrl },
        Instagram = new PlatformEndpointOptions { BaseUrl = baseUrl },
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
