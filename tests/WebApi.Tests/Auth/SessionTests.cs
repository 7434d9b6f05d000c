using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Auth;

public sealed class SessionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public async Task Login_answers_the_same_401_for_an_unknown_email_and_a_wrong_password()
    {
        var account = await factory.RegisterAsync();

        var unknown = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = ApiClient.GoodPassword });
        var wrong = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "not the right password" });

        await unknown.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        await wrong.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((await unknown.ProblemAsync())["detail"]!.ToString(), (await wrong.ProblemAsync())["detail"]!.ToString());
    }

    [Fact]
    public async Task Login_with_the_right_password_returns_a_token_pair_for_the_users_tenant()
    {
        var account = await factory.RegisterAsync();

        var response = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var signedIn = await factory.AccountFromAsync(response, account.Email, account.Password);
        Assert.Equal(account.TenantId, signedIn.TenantId);
        Assert.NotEqual(account.SessionId, signedIn.SessionId);
    }

    [Fact]
    public async Task The_11th_failed_sign_in_finds_the_account_locked_even_with_the_right_password()
    {
        var account = await factory.RegisterAsync();
        for (var i = 0; i < 10; i++)
        {
            var failed = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = $"wrong password {i}" });
            await failed.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        }

        var eleventh = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        await eleventh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", (await eleventh.ProblemAsync())["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.users WHERE id = '{account.UserId}' AND lockout_end > now() + interval '14 minutes'"));
    }

    [Fact]
    public async Task Refresh_rotates_and_a_replayed_token_ends_the_whole_family()
    {
        var account = await factory.RegisterAsync();

        var first = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await first.EnsureStatusAsync(HttpStatusCode.OK);
        var rotated = (await first.Content.ReadFromJsonAsync<JsonObject>())!["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(account.RefreshToken, rotated);

        var replay = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await replay.EnsureStatusAsync(HttpStatusCode.Unauthorized);

        var descendant = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated });
        await descendant.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1L, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE type = 'RefreshTokenReuseDetected' AND user_id = '{account.UserId}'"));
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        var account = await factory.RegisterAsync();

        Assert.Equal(0L, await factory.CountAsync($"SELECT count(*) FROM public.refresh_tokens WHERE token_hash = '{account.RefreshToken}'"));
        Assert.Equal(1L, await factory.CountAsync($"SELECT count(*) FROM public.refresh_tokens WHERE user_id = '{account.UserId}' AND length(token_hash) = 64"));
    }

    [Fact]
    public async Task Logout_ends_the_session_so_its_refresh_token_stops_working()
    {
        var account = await factory.RegisterAsync();

        var logout = await account.Client.PostAsync("/api/v1/auth/logout", null);
        await logout.EnsureStatusAsync(HttpStatusCode.NoContent);

        var refresh = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await refresh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sessions_can_be_listed_and_another_one_revoked()
    {
        var account = await factory.RegisterAsync();
        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        var second = await factory.AccountFromAsync(login, account.Email, account.Password);

        var sessions = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/auth/sessions"))!;
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s!["current"]!.GetValue<bool>() && s["id"]!.GetValue<Guid>() == account.SessionId);

        var revoke = await account.Client.DeleteAsync($"/api/v1/auth/sessions/{second.SessionId}");
        await revoke.EnsureStatusAsync(HttpStatusCode.NoContent);

        var refresh = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        await refresh.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Single((await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/auth/sessions"))!);
    }

    [Fact]
    public async Task A_user_in_two_tenants_can_list_them_and_switch()
    {
        var account = await factory.RegisterAsync(company: "First Co");
        var created = await account.Client.PostAsJsonAsync("/api/v1/tenants", new { name = "Second Co" });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var second = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var tenants = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/tenants"))!;
        Assert.Equal(2, tenants.Count);

        var switched = await account.Client.PostAsJsonAsync("/api/v1/auth/switch-tenant", new { tenantId = second });
        await switched.EnsureStatusAsync(HttpStatusCode.OK);
        var inSecond = await factory.AccountFromAsync(switched, account.Email, account.Password);
        Assert.Equal(second, inSecond.TenantId);
        Assert.Equal(second.ToString(), ApiClient.DecodePayload(inSecond.AccessToken)["tid"]!.GetValue<string>());

        await (await inSecond.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Only in second" })).EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Empty((await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies"))!);
        Assert.Single((await inSecond.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies"))!);
    }

    [Fact]
    public async Task Switching_to_a_tenant_the_user_does_not_belong_to_is_not_found()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();

        var response = await b.Client.PostAsJsonAsync("/api/v1/auth/switch-tenant", new { tenantId = a.TenantId });

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_access_token_carries_the_documented_claims_and_a_key_id()
    {
        var account = await factory.RegisterAsync();
        var header = JsonNode.Parse(Convert.FromBase64String(Pad(account.AccessToken.Split('.')[0])))!;
        var claims = ApiClient.DecodePayload(account.AccessToken);
        var jwks = (await Anonymous.GetFromJsonAsync<JsonObject>("/.well-known/jwks.json"))!;

        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal(jwks["keys"]![0]!["kid"]!.GetValue<string>(), header["kid"]!.GetValue<string>());
        foreach (var claim in new[] { "sub", "tid", "role", "email", "iss", "aud", "exp" })
        {
            Assert.NotNull(claims[claim]);
        }
    }

    [Fact]
    public async Task Endpoints_without_a_token_answer_401_problem_details()
    {
        var response = await Anonymous.GetAsync("/api/v1/companies");

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_viewer_cannot_create_what_an_editor_can()
    {
        var admin = await factory.RegisterAsync();
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");

        var response = await viewer.Client.PostAsJsonAsync("/api/v1/companies", new { name = "Not allowed" });

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var list = await viewer.Client.GetAsync("/api/v1/companies");
        await list.EnsureStatusAsync(HttpStatusCode.OK);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
