using System.Text.Json.Nodes;
using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.Infrastructure.Tests.Publishing;

/// <summary>Bluesky over XRPC against a fake speaking the AT Protocol's wire format, errors and rate limits included.</summary>
public sealed class BlueskyPublisherTests : IDisposable
{
    private readonly FakePlatforms _fakes = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero));

    [Fact]
    public void An_emoji_before_a_link_moves_the_links_facet_by_its_four_utf8_bytes()
    {
        // 👋 is one character, two UTF-16 units and four UTF-8 bytes: the link starts at byte 10, not 8 or 7.
        var spans = BlueskyRichText.Find("👋 Read https://example.com/menu now");

        var link = Assert.Single(spans);
        Assert.Equal(BlueskyFacetKind.Link, link.Kind);
        Assert.Equal("https://example.com/menu", link.Value);
        Assert.Equal(10, link.ByteStart);
        Assert.Equal(34, link.ByteEnd);
    }

    [Fact]
    public void Tags_and_mentions_after_accents_and_symbols_are_found_at_their_byte_offsets_without_trailing_punctuation()
    {
        // "Café " is 6 bytes (é is 2), "☕" 3, then a space: #menu at 10..15, the mention at 16..32.
        var spans = BlueskyRichText.Find("Café ☕ #menu @ada.bsky.social, see https://acme.example/a?b=1. #2026 #ok!");

        Assert.Collection(spans,
            tag => Assert.Equal((10, 15, BlueskyFacetKind.Tag, "menu"), (tag.ByteStart, tag.ByteEnd, tag.Kind, tag.Value)),
            mention => Assert.Equal((16, 32, BlueskyFacetKind.Mention, "ada.bsky.social"), (mention.ByteStart, mention.ByteEnd, mention.Kind, mention.Value)),
            link => Assert.Equal((38, 64, BlueskyFacetKind.Link, "https://acme.example/a?b=1"), (link.ByteStart, link.ByteEnd, link.Kind, link.Value)),
            ok => Assert.Equal((72, 75, BlueskyFacetKind.Tag, "ok"), (ok.ByteStart, ok.ByteEnd, ok.Kind, ok.Value)));
    }

    [Fact]
    public void An_e_mail_address_is_not_a_mention_and_a_hash_inside_a_link_is_not_a_tag()
    {
        Assert.Equal([BlueskyFacetKind.Link], BlueskyRichText.Find("Write to hello@acme.example or read https://acme.example/#menu").Select(s => s.Kind));
    }

    [Fact]
    public async Task A_post_is_one_record_with_facets_resolved_mentions_and_images_with_their_alt_text()
    {
        using var storage = WireMockServer.Start();
        storage.Given(Request.Create().WithPath("/photo.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(SampleFiles.Png(64, 64)));
        var marker = FakePlatforms.NewMarker();
        var text = $"🎉 New menu with @ada.bsky.social and @nobody.bsky.social: https://acme.example/menu #autumn {marker}";

        var result = await Publisher().PublishAsync(Post(text) with
        {
            Media = [new PublishMedia(new Uri(storage.Url + "/photo.png"), false, "A bowl of pumpkin soup")],
        }, CancellationToken.None);

        Assert.Equal(PublishResultKind.Published, result.Kind);
        Assert.StartsWith("at://did:plc:acme/app.bsky.feed.post/", result.PostId, StringComparison.Ordinal);
        var record = JsonNode.Parse(Assert.Single(_fakes.PublishRequests(marker)).Body)!["record"]!;
        Assert.Equal(text, record["text"]!.GetValue<string>());
        Assert.Equal("2026-12-31T22:30:00.000Z", record["createdAt"]!.GetValue<string>());
        var features = record["facets"]!.AsArray().Select(f => f!["features"]![0]!["$type"]!.GetValue<string>()).ToList();
        // The unknown handle has no account: no facet for it, the text unchanged.
        Assert.Equal(["app.bsky.richtext.facet#mention", "app.bsky.richtext.facet#link", "app.bsky.richtext.facet#tag"], features);
        Assert.Equal("did:plc:adabskysocial", record["facets"]![0]!["features"]![0]!["did"]!.GetValue<string>());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount("🎉 New menu with "), record["facets"]![0]!["index"]!["byteStart"]!.GetValue<int>());
        var image = record["embed"]!["images"]![0]!;
        Assert.Equal("app.bsky.embed.images", record["embed"]!["$type"]!.GetValue<string>());
        Assert.Equal("A bowl of pumpkin soup", image["alt"]!.GetValue<string>());
        Assert.StartsWith("bafkreiblob", image["image"]!["ref"]!["$link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("image/png", Assert.Single(_fakes.Requests, r => r.Kind == "bluesky-blob").Headers["Content-Type"]);
    }

    [Fact]
    public async Task An_expired_token_is_told_apart_from_a_refusal_and_a_rate_limit_waits_for_its_reset()
    {
        var expired = FakePlatforms.NewMarker();
        var limited = FakePlatforms.NewMarker();
        _fakes.Script("bluesky", expired, FakeAnswer.BlueskyExpiredToken());
        _fakes.Script("bluesky", limited, FakeAnswer.BlueskyRateLimited(_clock.GetUtcNow().AddMinutes(7)));

        var first = await Publisher().PublishAsync(Post($"Hi {expired}"), CancellationToken.None);
        var second = await Publisher().PublishAsync(Post($"Hi {limited}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Unauthorized, first.Kind);
        Assert.Equal(PublishResultKind.RetryLater, second.Kind);
        Assert.Equal(TimeSpan.FromMinutes(7), second.RetryAfter);
        Assert.Contains("Rate Limit Exceeded", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_whose_answer_is_lost_is_unconfirmed()
    {
        var marker = FakePlatforms.NewMarker();
        _fakes.Script("bluesky", marker, FakeAnswer.Slow(TimeSpan.FromSeconds(3)));
        var publisher = new BlueskyPublisher(new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, Options(), _clock);

        var result = await publisher.PublishAsync(Post($"Hi {marker}"), CancellationToken.None);

        Assert.Equal(PublishResultKind.Unconfirmed, result.Kind);
    }

    [Fact]
    public async Task A_session_is_made_with_the_app_password_renewed_with_the_refresh_jwt_and_a_wrong_password_is_refused_in_words()
    {
        var sessions = new BlueskySessionClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options());

        var refused = await sessions.CreateSessionAsync("acme.bsky.social", "not-the-password", CancellationToken.None);
        var signedIn = await sessions.CreateSessionAsync("acme.bsky.social", FakeBluesky.AppPassword, CancellationToken.None);
        var refreshed = await new OAuthTokenRefresher(new HttpClient(), Options(), _clock)
            .TryRefreshAsync(SocialPlatform.Bluesky, signedIn.Session!.RefreshJwt, CancellationToken.None);

        Assert.Equal("Invalid identifier or password", refused.Refusal);
        Assert.Equal("did:plc:acmebskysocial", signedIn.Session.Did);
        Assert.NotNull(signedIn.Session.AccessExpiresAt);
        Assert.NotNull(refreshed.Tokens);
        Assert.Equal(signedIn.Session.RefreshJwt, Assert.Single(_fakes.Requests, r => r.Kind == "bluesky-refresh").AccessToken);
    }

    public void Dispose() => _fakes.Dispose();

    private BlueskyPublisher Publisher() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options(), _clock);

    private static PublishRequest Post(string text) =>
        new(SocialPlatform.Bluesky, "did:plc:acme", "access-jwt", text, [], Guid.NewGuid(), Guid.NewGuid());

    private IOptions<PlatformOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PlatformOptions
    {
        Bluesky = new PlatformEndpointOptions { BaseUrl = _fakes.BaseUrl },
    });
}
