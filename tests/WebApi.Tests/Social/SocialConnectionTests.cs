using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Social;

/// <summary>
/// Connecting accounts by OAuth 2.0 with PKCE against local fake authorisation servers: the state, the verifier, the
/// tokens that never leave the server, the refresh job, and the warnings that an unhealthy connection raises.
/// </summary>
public sealed class SocialConnectionTests(OAuthFactory factory) : IClassFixture<OAuthFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Starts connecting and lets the fake consent: the API's callback URL the fake redirected to, and the authorisation URL.</summary>
    private async Task<(Uri Callback, Uri Authorization)> AuthorizeAsync(Account admin, string platform)
    {
        var start = await admin.Client.GetAsync($"/api/v1/social/connect/{platform}");
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var body = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["authorizationUrl"], body.Select(p => p.Key));
        var authorization = new Uri(body["authorizationUrl"]!.GetValue<string>());
        using var fake = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await fake.GetAsync(authorization);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return (consent.Headers.Location!, authorization);
    }

    private async Task<HttpResponseMessage> CallbackAsync(Uri callback) => await Browser().GetAsync(callback.PathAndQuery);

    private static Dictionary<string, string> Query(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    private async Task<string> RowsAsync(Account account, string table) => string.Join('\n',
        await factory.ColumnAsync($"SELECT row_to_json(t)::text FROM \"tenant_{account.TenantId:N}\".{table} t"));

    [Fact]
    public async Task Linkedin_connects_with_pkce_and_a_signed_state_and_its_tokens_never_leave_the_server()
    {
        var admin = await factory.RegisterAsync();
        var (callback, authorization) = await AuthorizeAsync(admin, "linkedIn");
        var sent = Query(authorization);
        Assert.Equal("S256", sent["code_challenge_method"]);
        Assert.Equal("client-LinkedIn", sent["client_id"]);
        Assert.Equal("openid profile w_member_social", sent["scope"]);
        Assert.EndsWith("/api/v1/social/connect/linkedIn/callback", sent["redirect_uri"], StringComparison.Ordinal);
        Assert.DoesNotContain("verifier", authorization.Query, StringComparison.OrdinalIgnoreCase);

        var response = await CallbackAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/automation/connections?connected=linkedIn&accounts=1", response.Headers.Location!.OriginalString);

        // The fake received the verifier whose S256 is the challenge the browser carried, form-encoded, with the client's secret.
        var exchange = factory.Fakes.TokenRequests.Last(r => r.Path == "/linkedin/token" && r.Form.GetValueOrDefault("grant_type") == "authorization_code");
        Assert.StartsWith("application/x-www-form-urlencoded", exchange.ContentType, StringComparison.Ordinal);
        Assert.Equal(sent["code_challenge"], FakeAuthorizationServers.S256(exchange.Form["code_verifier"]));
        Assert.Equal(43, exchange.Form["code_verifier"].Length);
        Assert.Equal(sent["redirect_uri"], exchange.Form["redirect_uri"]);
        Assert.Equal("secret-LinkedIn", exchange.Form["client_secret"]);

        var listText = await admin.Client.GetStringAsync("/api/v1/social/connections");
        var connection = Assert.Single(JsonNode.Parse(listText)!.AsArray())!;
        Assert.Equal("urn:li:person:aBcD1234", connection["externalAccountId"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", connection["displayName"]!.GetValue<string>());
        Assert.Equal("ok", connection["health"]!.GetValue<string>());
        Assert.True(connection["canRefresh"]!.GetValue<bool>());
        var profile = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/profiles"))!)!;
        Assert.True(profile["verified"]!.GetValue<bool>());
        Assert.Equal(connection["id"]!.GetValue<Guid>(), profile["connectionId"]!.GetValue<Guid>());

        // No token anywhere it could leak: not in any answer, not in the row's text; and the state row is gone.
        var rows = await RowsAsync(admin, "social_connections");
        var issued = factory.Fakes.IssuedTokens;
        Assert.NotEmpty(issued);
        foreach (var token in issued)
        {
            Assert.DoesNotContain(token, listText, StringComparison.Ordinal);
            Assert.DoesNotContain(token, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(token, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("encrypted_access_token", rows, StringComparison.Ordinal);
        Assert.Equal("", await RowsAsync(admin, "oauth_authorizations"));
    }

    [Fact]
    public async Task A_replayed_or_tampered_state_is_a_400_and_writes_nothing()
    {
        var admin = await factory.RegisterAsync();
        var (callback, _) = await AuthorizeAsync(admin, "x");
        var query = Query(callback);
        var state = query["state"];
        var tampered = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];
        var forged = await Browser().GetAsync($"/api/v1/social/connect/x/callback?code={query["code"]}&state={Uri.EscapeDataString(tampered)}");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull((await forged.ProblemAsync())["errors"]!["state"]);
        var missing = await Browser().GetAsync($"/api/v1/social/connect/x/callback?code={query["code"]}");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("", await RowsAsync(admin, "social_connections"));

        Assert.Equal(HttpStatusCode.Redirect, (await CallbackAsync(callback)).StatusCode);
        var replayed = await CallbackAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.NotNull((await replayed.ProblemAsync())["errors"]!["state"]);

        // X: client credentials as HTTP Basic, the account from /2/users/me, its public page as the profile.
        var exchange = factory.Fakes.TokenRequests.Last(r => r.Path == "/x/token");
        Assert.StartsWith("Basic ", exchange.Authorization, StringComparison.Ordinal);
        Assert.False(exchange.Form.ContainsKey("client_secret"));
        var connection = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!)!;
        Assert.Equal("1700000000", connection["externalAccountId"]!.GetValue<string>());
        var profile = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/profiles"))!)!;
        Assert.Equal("https://x.com/acmebrands", profile["profileUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_state_of_another_network_or_one_started_by_another_tenant_does_not_connect_anything()
    {
        var admin = await factory.RegisterAsync();
        var (callback, _) = await AuthorizeAsync(admin, "linkedIn");
        var query = Query(callback);
        var elsewhere = await Browser().GetAsync($"/api/v1/social/connect/googleBusiness/callback?code={query["code"]}&state={Uri.EscapeDataString(query["state"])}");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("", await RowsAsync(admin, "social_connections"));
    }

    [Fact]
    public async Task A_refusal_by_the_user_or_by_the_token_endpoint_ends_with_an_error_redirect_and_nothing_written()
    {
        var admin = await factory.RegisterAsync();
        factory.Fakes.DenyNext = true;
        var (denied, _) = await AuthorizeAsync(admin, "googleBusiness");
        var response = await CallbackAsync(denied);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Query(new Uri("http://spa" + response.Headers.Location!.OriginalString));
        Assert.Equal("googleBusiness", location["platform"]);
        Assert.Contains("not granted", location["error"], StringComparison.Ordinal);

        factory.Fakes.RefuseNextCode = true;
        var (refused, _) = await AuthorizeAsync(admin, "googleBusiness");
        response = await CallbackAsync(refused);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        location = Query(new Uri("http://spa" + response.Headers.Location!.OriginalString));
        Assert.Contains("invalid_grant", location["error"], StringComparison.Ordinal);
        Assert.Equal("", await RowsAsync(admin, "social_connections"));
        Assert.Equal("", await RowsAsync(admin, "social_profiles"));

        // And then it works: the location found through Google's accounts and locations, with its Maps page.
        var (granted, authorization) = await AuthorizeAsync(admin, "googleBusiness");
        Assert.Equal("offline", Query(authorization)["access_type"]);
        Assert.Equal(HttpStatusCode.Redirect, (await CallbackAsync(granted)).StatusCode);
        var profile = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/profiles"))!)!;
        Assert.Equal("accounts/111/locations/222", profile["externalAccountId"]!.GetValue<string>());
        Assert.Equal("https://maps.google.com/maps?cid=42", profile["profileUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_brand_deleted_while_its_connection_was_being_authorised_ends_with_an_error_redirect_and_nothing_written()
    {
        var admin = await factory.RegisterAsync();
        var created = await admin.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Short-lived brand" });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var brand = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var start = await admin.Client.GetAsync($"/api/v1/social/connect/linkedIn?companyId={brand}");
        await start.EnsureStatusAsync(HttpStatusCode.OK);
        var authorization = new Uri((await start.Content.ReadFromJsonAsync<JsonObject>())!["authorizationUrl"]!.GetValue<string>());
        using var fake = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var callback = (await fake.GetAsync(authorization)).Headers.Location!;

        await (await admin.Client.DeleteAsync($"/api/v1/companies/{brand}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        var response = await CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Query(new Uri("http://spa" + response.Headers.Location!.OriginalString));
        Assert.Contains("no longer exists", location["error"], StringComparison.Ordinal);
        Assert.Equal("", await RowsAsync(admin, "social_connections"));
        Assert.Equal("", await RowsAsync(admin, "social_profiles"));
    }

    [Fact]
    public async Task Facebook_connects_each_page_with_its_page_token_and_reconnecting_updates_instead_of_duplicating()
    {
        var admin = await factory.RegisterAsync();
        var (callback, _) = await AuthorizeAsync(admin, "facebook");
        var exchanges = factory.Fakes.LongLivedExchanges;
        var response = await CallbackAsync(callback);
        // The short-lived user token was exchanged (the fake's /me/accounts only answers to the long-lived one).
        Assert.Equal(exchanges + 1, factory.Fakes.LongLivedExchanges);
        Assert.Equal("/app/automation/connections?connected=facebook&accounts=2", response.Headers.Location!.OriginalString);
        var first = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!;
        Assert.Equal(["1010101010", "2020202020"], first.Select(c => c!["externalAccountId"]!.GetValue<string>()).Order());
        // Page tokens do not expire, and there is no refresh token to keep.
        Assert.All(first, c => Assert.Null(c!["expiresAt"]?.GetValue<DateTimeOffset?>()));

        (callback, _) = await AuthorizeAsync(admin, "facebook");
        await CallbackAsync(callback);
        var second = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!;
        Assert.Equal(first.Select(c => c!["id"]!.GetValue<Guid>()).Order(), second.Select(c => c!["id"]!.GetValue<Guid>()).Order());
        Assert.All(second, c => Assert.True(c!["updatedAt"]!.GetValue<DateTimeOffset>() > first.Single(f => f!["id"]!.GetValue<Guid>() == c["id"]!.GetValue<Guid>())!["updatedAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(2, (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/profiles"))!.Count);

        var rows = await RowsAsync(admin, "social_connections");
        Assert.All(factory.Fakes.IssuedTokens, token => Assert.DoesNotContain(token, rows, StringComparison.Ordinal));

        // Disconnecting keeps the profile, unverified.
        var id = second[0]!["id"]!.GetValue<Guid>();
        await (await admin.Client.DeleteAsync($"/api/v1/social/connections/{id}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        var profiles = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/profiles"))!;
        Assert.Single(profiles, p => !p!["verified"]!.GetValue<bool>() && p["connectionId"] is null);
    }

    [Fact]
    public async Task A_network_without_a_client_id_is_not_configured_and_only_admins_start_connecting()
    {
        var admin = await factory.RegisterAsync();
        var response = await admin.Client.GetAsync("/api/v1/social/connect/instagram");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.ProblemAsync())["detail"]!.GetValue<string>();
        Assert.Contains("Instagram is not set up on this server", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Publishing:", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientId", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/api/v1/social/connect/myspace")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/social/connect/linkedIn")).StatusCode);
        var viewer = await Tenants.TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync("/api/v1/social/connect/linkedIn")).StatusCode);
    }

    [Fact]
    public async Task Networks_without_a_client_are_unavailable_and_only_admins_are_told_why_in_words()
    {
        var admin = await factory.RegisterAsync();
        var viewer = await Tenants.TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");

        var forAdmin = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/networks"))!.Select(n => n!.AsObject()).ToList();
        var forViewer = (await viewer.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/networks"))!.Select(n => n!.AsObject()).ToList();

        Assert.Equal(Enum.GetValues<BrandAutomator.Domain.Social.SocialPlatform>().Length, forAdmin.Count);
        // Bluesky signs in with an app password: nothing to register, so it is always available.
        Assert.True(forAdmin.Single(n => n["platform"]!.GetValue<string>() == "bluesky")["configured"]!.GetValue<bool>());
        var instagram = forAdmin.Single(n => n["platform"]!.GetValue<string>() == "instagram");
        Assert.False(instagram["configured"]!.GetValue<bool>());
        Assert.Equal("Instagram", instagram["name"]!.GetValue<string>());
        Assert.Contains("Whoever runs the server", instagram["unavailableReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(":", instagram["unavailableReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(forAdmin.Single(n => n["platform"]!.GetValue<string>() == "linkedIn")["configured"]!.GetValue<bool>());
        Assert.All(forViewer, n => Assert.Null(n["unavailableReason"]));
        Assert.False(forViewer.Single(n => n["platform"]!.GetValue<string>() == "instagram")["configured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_refresh_job_renews_expiring_tokens_and_marks_a_withdrawn_grant_revoked()
    {
        var admin = await factory.RegisterAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        var renewable = await CreateAsync(admin, "linkedIn", "urn:li:person:renew", soon, "rt-linkedin-still-good");
        var withdrawn = await CreateAsync(admin, "x", "1800000000", soon, FakeAuthorizationServers.RevokedRefreshToken);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray list;
        do
        {
            await Task.Delay(500);
            list = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/connections"))!;
        }
        while (DateTime.UtcNow < deadline &&
               (list.Single(c => c!["id"]!.GetValue<Guid>() == withdrawn)!["status"]!.GetValue<string>() != "revoked" ||
                list.Single(c => c!["id"]!.GetValue<Guid>() == renewable)!["expiresAt"]!.GetValue<DateTimeOffset>() < DateTimeOffset.UtcNow.AddDays(1)));

        var renewed = list.Single(c => c!["id"]!.GetValue<Guid>() == renewable)!;
        Assert.True(renewed["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(59), renewed.ToJsonString());
        Assert.Equal("ok", renewed["health"]!.GetValue<string>());
        var refresh = factory.Fakes.TokenRequests.First(r => r.Form.GetValueOrDefault("refresh_token") == "rt-linkedin-still-good");
        Assert.Equal("refresh_token", refresh.Form["grant_type"]);

        var revoked = list.Single(c => c!["id"]!.GetValue<Guid>() == withdrawn)!;
        Assert.Equal("revoked", revoked["health"]!.GetValue<string>());
        Assert.Contains("invalid_grant", revoked["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("revoked", revoked["warning"]!["health"]!.GetValue<string>());
        var dashboard = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
        Assert.Contains(dashboard["connectionWarnings"]!.AsArray(), w => w!["connectionId"]!.GetValue<Guid>() == withdrawn && w["health"]!.GetValue<string>() == "revoked");
    }

    [Fact]
    public async Task A_connection_expiring_within_7_days_is_a_warning_on_the_dashboard_and_on_each_scheduled_post_that_uses_it()
    {
        var admin = await factory.RegisterAsync();
        var expiresAt = DateTimeOffset.UtcNow.AddDays(3);
        var expiring = await CreateAsync(admin, "linkedIn", "urn:li:organization:4242", expiresAt, refreshToken: null);
        await CreateAsync(admin, "facebook", "1010101010", DateTimeOffset.UtcNow.AddDays(30), refreshToken: null);
        var first = await CreatePostAsync(admin, "linkedIn", "First");
        var second = await CreatePostAsync(admin, "linkedIn", "Second");
        var healthy = await CreatePostAsync(admin, "facebook", "Healthy");
        // X is connected while its post is scheduled, then removed: the post no longer has a way out.
        var xConnection = await CreateAsync(admin, "x", "1700000000", DateTimeOffset.UtcNow.AddDays(30), refreshToken: null);
        var unconnected = await CreatePostAsync(admin, "x", "Nowhere to go");
        var draft = await CreatePostAsync(admin, "linkedIn", "Not scheduled");
        foreach (var id in new[] { first, second, healthy, unconnected })
        {
            var scheduled = await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddDays(2));
            await scheduled.EnsureStatusAsync(HttpStatusCode.OK);
            // The scheduling answer already carries the warning of the post's network.
            var warnings = (await scheduled.Content.ReadFromJsonAsync<JsonArray>())![0]!["connectionWarnings"]!.AsArray();
            Assert.Equal(id == first || id == second ? 1 : 0, warnings.Count);
        }

        await (await admin.Client.DeleteAsync($"/api/v1/social/connections/{xConnection}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        var dashboard = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/dashboard"))!;
        var warning = Assert.Single(dashboard["connectionWarnings"]!.AsArray())!;
        Assert.Equal(expiring, warning["connectionId"]!.GetValue<Guid>());
        Assert.Equal("expiring", warning["health"]!.GetValue<string>());
        Assert.Equal("linkedIn", warning["platform"]!.GetValue<string>());
        Assert.Equal(expiresAt.ToUnixTimeSeconds(), warning["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.Contains("Reconnect LinkedIn", warning["action"]!.GetValue<string>(), StringComparison.Ordinal);

        JsonArray Warnings(JsonNode post) => post["connectionWarnings"]!.AsArray();
        var upcoming = dashboard["upcomingPosts"]!.AsArray();
        Assert.Equal(4, upcoming.Count);
        foreach (var id in new[] { first, second })
        {
            var post = upcoming.Single(p => p!["id"]!.GetValue<Guid>() == id)!;
            Assert.Equal("expiring", Assert.Single(Warnings(post))!["health"]!.GetValue<string>());
            // The calendar and the post itself say the same.
            Assert.Equal("expiring", Assert.Single(Warnings(await GetPostAsync(admin, id)))!["health"]!.GetValue<string>());
        }

        Assert.Empty(Warnings(upcoming.Single(p => p!["id"]!.GetValue<Guid>() == healthy)!));
        Assert.Equal("notConnected", Assert.Single(Warnings(upcoming.Single(p => p!["id"]!.GetValue<Guid>() == unconnected)!))!["health"]!.GetValue<string>());
        var calendar = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content"))!["items"]!.AsArray();
        Assert.Single(Warnings(calendar.Single(p => p!["id"]!.GetValue<Guid>() == first)!));
        Assert.Empty(Warnings(calendar.Single(p => p!["id"]!.GetValue<Guid>() == draft)!));

        var weeks = dashboard["postsPerWeek"]!.AsArray();
        Assert.Equal(13, weeks.Count);
        Assert.Equal(4, weeks.Sum(w => w!["total"]!.GetValue<int>()));
        Assert.Equal(4, weeks.Sum(w => w!["byState"]!["scheduled"]?.GetValue<int>() ?? 0));
        Assert.Single(weeks, w => w!["current"]!.GetValue<bool>());
        Assert.NotNull(dashboard["recentActivity"]!.AsArray());
    }

    private static async Task<Guid> CreateAsync(Account admin, string platform, string accountId, DateTimeOffset expiresAt, string? refreshToken)
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
