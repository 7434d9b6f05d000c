using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace BrandAutomator.WebApi.Tests.Social;

/// <summary>
/// Connecting Pinterest, YouTube and TikTok against the fake authorisation servers, each the way its network does OAuth:
/// Pinterest with the client secret as HTTP Basic and no PKCE, YouTube through Google with PKCE and offline access,
/// TikTok's Login Kit with a client key. Tokens are kept encrypted and renewed by the refresh job.
/// </summary>
public sealed class VideoNetworkConnectionTests(OAuthFactory factory) : IClassFixture<OAuthFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(Uri Callback, Dictionary<string, string> Sent)> AuthorizeAsync(Account admin, string platform)
    {
        var start = await admin.Client.GetAsync($"/api/v1/social/connect/{platform}");
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var authorization = new Uri((await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>());
        using var fake = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await fake.GetAsync(authorization);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return (consent.Headers.Location!, QueryHelpers.ParseQuery(authorization.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()));
    }

    private async Task<JsonObject> ConnectAsync(Account admin, string platform, string expectedLocation)
    {
        var (callback, _) = await AuthorizeAsync(admin, platform);
        var response = await Browser().GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location!.OriginalString);
        var list = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!;
        return Assert.Single(list, c => c!["platform"]!.GetValue<string>() == platform)!.AsObject();
    }

    [Fact]
    public async Task Pinterest_connects_with_its_client_secret_as_basic_auth_without_pkce_and_keeps_its_tokens_encrypted()
    {
        var admin = await factory.RegisterAsync();
        var (_, sent) = await AuthorizeAsync(admin, "pinterest");
        Assert.Equal("client-Pinterest", sent["client_id"]);
        Assert.False(sent.ContainsKey("code_challenge"));

        var connection = await ConnectAsync(admin, "pinterest", "/app/automation/connections?connected=pinterest&accounts=1");

        Assert.Equal("pinterest-acme", connection["externalAccountId"]!.GetValue<string>());
        Assert.Equal("Acme Bakery", connection["displayName"]!.GetValue<string>());
        Assert.True(connection["canRefresh"]!.GetValue<bool>());
        var exchange = factory.Fakes.TokenRequests.Last(r => r.Path == "/pinterest/token" && r.Form.GetValueOrDefault("grant_type") == "authorization_code");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-Pinterest:secret-Pinterest")), exchange.Authorization);
        Assert.False(exchange.Form.ContainsKey("code_verifier"));
        Assert.False(exchange.Form.ContainsKey("client_secret"));
        var rows = string.Join('\n', await factory.ColumnAsync($"SELECT row_to_json(t)::text FROM \"tenant_{admin.TenantId:N}\".social_connections t"));
        Assert.All(factory.Fakes.IssuedTokens, token => Assert.DoesNotContain(token, rows, StringComparison.Ordinal));
    }

    [Fact]
    public async Task YouTube_connects_through_google_with_pkce_and_offline_access_as_the_channel()
    {
        var admin = await factory.RegisterAsync();
        var (_, sent) = await AuthorizeAsync(admin, "youtube");
        Assert.Equal("S256", sent["code_challenge_method"]);
        Assert.Equal("offline", sent["access_type"]);
        Assert.Equal("consent", sent["prompt"]);
        Assert.Contains("https://www.googleapis.com/auth/youtube.upload", sent["scope"], StringComparison.Ordinal);

        var connection = await ConnectAsync(admin, "youTube", "/app/automation/connections?connected=youTube&accounts=1");

        Assert.Equal("UCacme0000000000000000001", connection["externalAccountId"]!.GetValue<string>());
        Assert.Equal("Acme Bakery", connection["displayName"]!.GetValue<string>());
        Assert.True(connection["canRefresh"]!.GetValue<bool>());
        var exchange = factory.Fakes.TokenRequests.Last(r => r.Path == "/youtube/token" && r.Form.GetValueOrDefault("grant_type") == "authorization_code");
        // The fake refuses a verifier whose S256 is not the code's challenge: the exchange carried the right one.
        Assert.Equal(43, exchange.Form["code_verifier"].Length);
        Assert.Equal("secret-YouTube", exchange.Form["client_secret"]);
    }

    [Fact]
    public async Task TikTok_connects_with_its_client_key_through_login_kit_for_the_web_without_pkce()
    {
        var admin = await factory.RegisterAsync();
        var (_, sent) = await AuthorizeAsync(admin, "tiktok");
        Assert.Equal("client-TikTok", sent["client_key"]);
        Assert.False(sent.ContainsKey("client_id"));
        Assert.False(sent.ContainsKey("code_challenge"));

        var connection = await ConnectAsync(admin, "tikTok", "/app/automation/connections?connected=tikTok&accounts=1");

        Assert.Equal("tiktok-open-id-acme", connection["externalAccountId"]!.GetValue<string>());
        Assert.Equal("Acme Bakery", connection["displayName"]!.GetValue<string>());
        var exchange = factory.Fakes.TokenRequests.Last(r => r.Path == "/tiktok/token" && r.Form.GetValueOrDefault("grant_type") == "authorization_code");
        Assert.Equal("client-TikTok", exchange.Form["client_key"]);
        Assert.Equal("secret-TikTok", exchange.Form["client_secret"]);
        Assert.False(exchange.Form.ContainsKey("code_verifier"));
    }

    [Fact]
    public async Task The_refresh_job_renews_pinterest_with_basic_auth_and_tiktok_with_its_client_key()
    {
        var admin = await factory.RegisterAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        var pinterest = await CreateAsync(admin, "pinterest", "pinterest-renew", soon, "rt-pinterest-renew");
        var tikTok = await CreateAsync(admin, "tikTok", "tiktok-renew", soon, "rt-tiktok-renew");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray list;
        do
        {
            await Task.Delay(500);
            list = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!;
        }
        while (DateTime.UtcNow < deadline && list.Count(c => c!["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(1)) < 2);

        Assert.All(new[] { pinterest, tikTok }, id =>
            Assert.True(list.Single(c => c!["id"]!.GetValue<Guid>() == id)!["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(1)));
        var pin = factory.Fakes.TokenRequests.First(r => r.Form.GetValueOrDefault("refresh_token") == "rt-pinterest-renew");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-Pinterest:secret-Pinterest")), pin.Authorization);
        var tok = factory.Fakes.TokenRequests.First(r => r.Form.GetValueOrDefault("refresh_token") == "rt-tiktok-renew");
        Assert.Equal("client-TikTok", tok.Form["client_key"]);
        Assert.Equal("secret-TikTok", tok.Form["client_secret"]);
    }

    private static async Task<Guid> CreateAsync(Account admin, string platform, string accountId, DateTimeOffset expiresAt, string refreshToken)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/social/connections", new
        {
            platform, externalAccountId = accountId, displayName = $"Acme on {platform}", accessToken = "at-pasted-" + Guid.NewGuid().ToString("N"),
            refreshToken, expiresAt,
        });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
