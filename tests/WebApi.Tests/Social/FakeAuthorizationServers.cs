using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace BrandAutomator.WebApi.Tests.Social;

/// <summary>One request to a fake token endpoint: its form fields and its Authorization header.</summary>
public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Form, string? Authorization, string ContentType);

/// <summary>
/// Local fakes of the networks' authorisation servers and account APIs on one WireMock server, in their wire formats:
/// <c>GET /{network}/authorize</c> redirects to the redirect URI with a code and the state (the user consenting, or
/// <c>error=access_denied</c> when told to), <c>POST /{network}/token</c> takes form-encoded grants and answers JSON
/// (RFC 6749), checking that <c>SHA-256(code_verifier)</c> is the code's S256 challenge (RFC 7636) and the client's
/// credentials (HTTP Basic for X and Pinterest, the form for the others; Pinterest has no PKCE); then LinkedIn
/// <c>/v2/userinfo</c>, X <c>/2/users/me</c>, Graph <c>/me/accounts</c>, Google's <c>accounts</c> and <c>locations</c> and
/// Pinterest's <c>/v5/user_account</c>, which answer only to the tokens issued here.
/// </summary>
public sealed class FakeAuthorizationServers : IDisposable
{
    public const string RevokedRefreshToken = "rt-revoked-by-user";
    private readonly ConcurrentDictionary<string, (string Challenge, string Network, string RedirectUri)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _accessTokens = new();
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly ConcurrentQueue<string> _issued = new();

    public FakeAuthorizationServers()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher("^/[a-z]+/authorize$"))).RespondWith(Response.Create().WithCallback(Authorize));
        Server.Given(Request.Create().UsingPost().WithPath(new RegexMatcher("^/[a-z]+/token$"))).RespondWith(Response.Create().WithCallback(Token));
        Server.Given(Request.Create().UsingGet().WithPath("/linkedin/v2/userinfo")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "linkedin", new { sub = "aBcD1234", name = "Ada Lovelace", given_name = "Ada", family_name = "Lovelace", email = "ada@example.com", email_verified = true })));
        Server.Given(Request.Create().UsingGet().WithPath("/x/2/users/me")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "x", new { data = new { id = "1700000000", name = "Acme Brands", username = "acmebrands" } })));
        Server.Given(Request.Create().UsingGet().WithPath("/graph/me/accounts")).RespondWith(Response.Create().WithCallback(r => Account(r, "graph", new
        {
            data = new object[]
            {
                new { id = "1010101010", name = "Acme Page", link = "https://www.facebook.com/acmepage", access_token = "page-token-acme-" + Guid.NewGuid().ToString("N"),
                    instagram_business_account = new { id = "17841400000000000", username = "acme.ig" } },
                new { id = "2020202020", name = "Acme Outlet", link = "https://www.facebook.com/acmeoutlet", access_token = "page-token-outlet-" + Guid.NewGuid().ToString("N") },
            },
            paging = new { cursors = new { before = "b", after = "a" } },
        })));
        Server.Given(Request.Create().UsingGet().WithPath("/pinterest/v5/user_account")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "pinterest", new { account_type = "BUSINESS", id = "pinterest-acme", username = "acmebakery", business_name = "Acme Bakery" })));
        Server.Given(Request.Create().UsingGet().WithPath("/youtube/youtube/v3/channels")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "youtube", new { kind = "youtube#channelListResponse", items = new[] { new { id = "UCacme0000000000000000001", snippet = new { title = "Acme Bakery", customUrl = "@acmebakery" } } } })));
        Server.Given(Request.Create().UsingGet().WithPath("/tiktok/v2/user/info/")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "tiktok", new { data = new { user = new { open_id = "tiktok-open-id-acme", display_name = "Acme Bakery" } }, error = new { code = "ok", message = "", log_id = "x" } })));
        Server.Given(Request.Create().UsingGet().WithPath("/google/v1/accounts")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "google", new { accounts = new[] { new { name = "accounts/111", accountName = "Acme Group", type = "LOCATION_GROUP" } } })));
        Server.Given(Request.Create().UsingGet().WithPath("/google-info/v1/accounts/111/locations")).RespondWith(Response.Create().WithCallback(r =>
            Account(r, "google", new { locations = new[] { new { name = "locations/222", title = "Acme Coffee", metadata = new { mapsUri = "https://maps.google.com/maps?cid=42" } } } })));
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;

    /// <summary>When set, the next authorisation is refused by the user (<c>error=access_denied</c>).</summary>
    public bool DenyNext { get; set; }

    /// <summary>When set, the token endpoint refuses the next code with 400 <c>invalid_grant</c>.</summary>
    public bool RefuseNextCode { get; set; }

    /// <summary>How long issued access tokens live (<c>expires_in</c>).</summary>
    public int ExpiresInSeconds { get; set; } = 5_184_000;

    public IReadOnlyList<TokenRequest> TokenRequests => _tokenRequests.ToArray();

    /// <summary>Facebook short-lived user tokens exchanged for long-lived ones.</summary>
    public int LongLivedExchanges { get; private set; }

    /// <summary>Every token this server has issued (access, refresh, page), to look for them where they must not be.</summary>
    public IReadOnlyList<string> IssuedTokens => _issued.ToArray();

    public static string ClientSecret(string platform) => "secret-" + platform;

    /// <summary>The settings pointing the API at these fakes; <paramref name="unconfigured"/> gets no client id.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string unconfigured)
    {
        (string Platform, string Network, string Account)[] networks =
        [
            ("LinkedIn", "linkedin", "/linkedin/v2/userinfo"), ("X", "x", "/x/2/users/me"), ("Facebook", "graph", "/graph/me/accounts"),
            ("Instagram", "graph", "/graph/me/accounts"), ("GoogleBusiness", "google", "/google/v1/accounts"),
            ("Pinterest", "pinterest", "/pinterest/v5/user_account"), ("YouTube", "youtube", "/youtube/youtube/v3/channels?part=snippet&mine=true"),
            ("TikTok", "tiktok", "/tiktok/v2/user/info/?fields=open_id,display_name"),
        ];
        foreach (var (platform, network, account) in networks)
        {
            yield return new($"Publishing:{platform}:AuthorizeUrl", $"{BaseUrl}/{network}/authorize");
            yield return new($"Publishing:{platform}:TokenUrl", $"{BaseUrl}/{network}/token");
            yield return new($"Publishing:{platform}:AccountUrl", BaseUrl + account);
            yield return new($"Publishing:{platform}:ClientId", platform == unconfigured ? "" : "client-" + platform);
            yield return new($"Publishing:{platform}:ClientSecret", platform == unconfigured ? "" : ClientSecret(platform));
        }

        yield return new("Publishing:GoogleLocationsUrl", $"{BaseUrl}/google-info/v1");
    }

    public static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => Server.Stop();

    private IResponseMessage Authorize(IRequestMessage request)
    {
        var query = QueryHelpers.ParseQuery(new Uri(request.Url).Query);
        var network = request.AbsolutePath.Split('/')[1];
        string Q(string name) => query.TryGetValue(name, out var v) ? v.ToString() : "";
        // Pinterest has no PKCE: its codes are bound to the client secret alone.
        var pkce = !WithoutPkce(network);
        // TikTok names the client client_key.
        if (Q("response_type") != "code" || Q(network == "tiktok" ? "client_key" : "client_id").Length == 0 ||
            (pkce ? Q("code_challenge_method") != "S256" || Q("code_challenge").Length != 43 : Q("code_challenge").Length > 0))
        {
            return Json(400, new { error = "invalid_request", error_description = pkce ? "PKCE S256 and a client id are required." : "A client id is required." });
        }

        var redirect = Q("redirect_uri");
        if (DenyNext)
        {
            DenyNext = false;
            return Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?>
            {
                ["error"] = "access_denied", ["error_description"] = "The user denied the request.", ["state"] = Q("state"),
            }));
        }

        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = (Q("code_challenge"), network, redirect);
        return Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = Q("state") }));
    }

    private IResponseMessage Token(IRequestMessage request)
    {
        var network = request.AbsolutePath.Split('/')[1];
        var form = QueryHelpers.ParseQuery(request.Body ?? "").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var authorization = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() : null;
        var contentType = request.Headers?.TryGetValue("Content-Type", out var types) == true ? types.FirstOrDefault() ?? "" : "";
        _tokenRequests.Enqueue(new TokenRequest(request.AbsolutePath, form, authorization, contentType));
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            return Json(400, new { error = "invalid_request", error_description = "Form-encoded bodies only." });
        }

        if (!ClientAuthenticated(network, form, authorization))
        {
            return Json(401, new { error = "invalid_client" });
        }

        switch (form.GetValueOrDefault("grant_type"))
        {
            case "authorization_code":
                if (RefuseNextCode)
                {
                    RefuseNextCode = false;
                    return Json(400, new { error = "invalid_grant", error_description = "Authorization code expired." });
                }

                if (!_codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var issued) || issued.Network != network ||
                    issued.RedirectUri != form.GetValueOrDefault("redirect_uri") ||
                    (WithoutPkce(network) ? form.ContainsKey("code_verifier") : S256(form.GetValueOrDefault("code_verifier") ?? "") != issued.Challenge))
                {
                    return Json(400, new { error = "invalid_grant", error_description = "Code, redirect URI or PKCE verifier mismatch." });
                }

                return Issue(network, withRefresh: network != "graph");
            case "fb_exchange_token" when network == "graph":
                // Facebook: a short-lived user token from this server becomes a long-lived one (about 60 days).
                var shortLived = form.GetValueOrDefault("fb_exchange_token") ?? "";
                if (!_accessTokens.TryRemove(shortLived, out _))
                {
                    return Json(400, new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } });
                }

                LongLivedExchanges++;
                return Issue(network, withRefresh: false);
            case "refresh_token":
                var refresh = form.GetValueOrDefault("refresh_token") ?? "";
                return refresh.Length == 0 || refresh == RevokedRefreshToken
                    ? Json(400, new { error = "invalid_grant", error_description = "Token has been expired or revoked." })
                    : Issue(network, withRefresh: true);
            default:
                return Json(400, new { error = "unsupported_grant_type" });
        }
    }

    private bool ClientAuthenticated(string network, Dictionary<string, string> form, string? authorization)
    {
        var platform = network switch { "linkedin" => "LinkedIn", "x" => "X", "graph" => "Facebook", "pinterest" => "Pinterest", "youtube" => "YouTube", "tiktok" => "TikTok", _ => "GoogleBusiness" };
        if (network is "x" or "pinterest")
        {
            // X and Pinterest: confidential clients authenticate with HTTP Basic.
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"client-{platform}:{ClientSecret(platform)}"));
            return authorization == $"Basic {expected}";
        }

        if (network == "graph")
        {
            return form.GetValueOrDefault("client_id") is "client-Facebook" or "client-Instagram" &&
                   form.GetValueOrDefault("client_secret") is "secret-Facebook" or "secret-Instagram";
        }

        return form.GetValueOrDefault(network == "tiktok" ? "client_key" : "client_id") == "client-" + platform &&
               form.GetValueOrDefault("client_secret") == ClientSecret(platform);
    }

    private static bool WithoutPkce(string network) => network is "pinterest" or "tiktok";

    private IResponseMessage Issue(string network, bool withRefresh)
    {
        var access = $"at-{network}-{Guid.NewGuid():N}";
        _accessTokens[access] = network;
        _issued.Enqueue(access);
        var refresh = withRefresh ? $"rt-{network}-{Guid.NewGuid():N}" : null;
        if (refresh is not null)
        {
            _issued.Enqueue(refresh);
        }

        return Json(200, new { access_token = access, token_type = "Bearer", expires_in = ExpiresInSeconds, refresh_token = refresh, scope = "granted" });
    }

    private IResponseMessage Account(IRequestMessage request, string network, object body)
    {
        var authorization = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() ?? "" : "";
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(authorization[7..], out var owner) || owner != network)
        {
            return Json(401, new { message = "Invalid access token" });
        }

        var json = JsonSerializer.Serialize(body);
        foreach (var token in System.Text.RegularExpressions.Regex.Matches(json, "page-token-[a-z]+-[0-9a-f]{32}").Select(m => m.Value))
        {
            _issued.Enqueue(token);
        }

        return new ResponseMessage { StatusCode = 200, BodyData = Body(json), Headers = Headers("application/json") };
    }

    private static IResponseMessage Json(int status, object body) =>
        new ResponseMessage { StatusCode = status, BodyData = Body(JsonSerializer.Serialize(body)), Headers = Headers("application/json") };

    private static IResponseMessage Redirect(string location) => new ResponseMessage
    {
        StatusCode = 302,
        Headers = new Dictionary<string, WireMockList<string>> { ["Location"] = new(location) },
    };

    private static BodyData Body(string json) => new() { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };

    private static Dictionary<string, WireMockList<string>> Headers(string contentType) => new() { ["Content-Type"] = new(contentType) };
}

/// <summary>The API with the fake authorisation servers, Instagram left unconfigured, and the refresh job every second.</summary>
public sealed class OAuthFactory : ApiFactory
{
    public FakeAuthorizationServers Fakes { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (key, value) in Fakes.Settings(unconfigured: "Instagram"))
        {
            WithSetting(key, value);
        }

        WithSetting("Scheduler:ConnectionRefreshIntervalSeconds", "1");
        WithSetting("Scheduler:ConnectionRefreshAheadMinutes", "60");
        WithSetting("Scheduler:IdleWaitSeconds", "1");
        ConfigureServices = services => services.AddSingleton<Application.Common.Ports.IFileStorage, FakeFileStorage>();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Fakes.Dispose();
    }
}
