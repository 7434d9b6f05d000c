using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>Bluesky through the real pipeline: connected with an app password, published over XRPC to the local fake.</summary>
public sealed class BlueskyPublishingTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task A_wrong_app_password_is_refused_naming_the_field_and_nothing_is_connected()
    {
        var admin = await factory.RegisterAsync();

        var wrong = await admin.Client.PostAsJsonAsync("/api/v1/social/connect/bluesky", new { handle = "@acme.bsky.social", appPassword = "guess-guess-guess-guess" });
        var empty = await admin.Client.PostAsJsonAsync("/api/v1/social/connect/bluesky", new { handle = " ", appPassword = "" });
        var address = await admin.Client.PostAsJsonAsync("/api/v1/social/connect/bluesky", new { handle = "https://bsky.app/profile/acme", appPassword = "abcd-efgh-ijkl-mnop" });

        await wrong.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Invalid identifier or password", (await wrong.ProblemAsync())["errors"]!["appPassword"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await empty.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await empty.ProblemAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("handle") && errors.ContainsKey("appPassword"), errors.ToJsonString());
        // A web address is refused before anything is asked of Bluesky.
        await address.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not a web address", (await address.ProblemAsync())["errors"]!["handle"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!);
    }

    [Fact]
    public async Task An_account_connected_with_an_app_password_publishes_with_facets_and_renews_an_expired_session()
    {
        var admin = await factory.RegisterAsync();
        var connected = await admin.Client.PostAsJsonAsync("/api/v1/social/connect/bluesky",
            new { handle = " @acme ", appPassword = FakeBluesky.AppPassword });
        await connected.EnsureStatusAsync(HttpStatusCode.OK);
        var connection = (await connected.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bluesky", connection["platform"]!.GetValue<string>());
        Assert.Equal("did:plc:acmebskysocial", connection["externalAccountId"]!.GetValue<string>());
        Assert.Equal("@acme.bsky.social", connection["displayName"]!.GetValue<string>());
        Assert.True(connection["canRefresh"]!.GetValue<bool>());
        Assert.InRange(connection["expiresAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(100), DateTimeOffset.UtcNow.AddMinutes(130));
        Assert.DoesNotContain(FakeBluesky.AppPassword, await connected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var marker = FakePlatforms.NewMarker();
        factory.Fakes.Script("bluesky", marker, FakeAnswer.BlueskyExpiredToken());
        var text = $"☕🥐 Autumn menu: https://acme.example/menu #autumn {marker}";
        var id = await CreatePostAsync(admin, "bluesky", text);
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddSeconds(1))).EnsureStatusAsync(HttpStatusCode.OK);

        var post = await WaitForStateAsync(admin, id, Patience, "published");
        var requests = factory.Fakes.PublishRequests(marker);
        Assert.Equal([400, 200], requests.Select(r => r.Status));
        Assert.NotEqual(requests[0].AccessToken, requests[1].AccessToken);
        var record = JsonNode.Parse(requests[1].Body)!["record"]!;
        var link = record["facets"]![0]!;
        Assert.Equal(Encoding.UTF8.GetByteCount("☕🥐 Autumn menu: "), link["index"]!["byteStart"]!.GetValue<int>());
        Assert.Equal("https://acme.example/menu", link["features"]![0]!["uri"]!.GetValue<string>());
        Assert.StartsWith("at://did:plc:acmebskysocial/app.bsky.feed.post/", post["results"]![0]!["platformPostId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_over_300_graphemes_is_refused_when_scheduled_but_emoji_sequences_count_once()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "bluesky");
        // 300 family emoji: 300 graphemes although 2,100 UTF-16 units and 1,500 code points.
        var fits = await CreatePostAsync(admin, "bluesky", string.Concat(Enumerable.Repeat("👨‍👩‍👧", 300)));
        var tooLong = await CreatePostAsync(admin, "bluesky", new string('a', 301));

        await (await ScheduleAsync(admin, fits, DateTimeOffset.UtcNow.AddHours(1))).EnsureStatusAsync(HttpStatusCode.OK);
        var refused = await ScheduleAsync(admin, tooLong, DateTimeOffset.UtcNow.AddHours(1));

        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Bluesky allows at most 300 characters", (await refused.ProblemAsync()).ToJsonString(), StringComparison.Ordinal);
    }
}
