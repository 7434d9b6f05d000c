using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace BrandAutomator.TestSupport;

/// <summary>The person a fake provider signs in: their subject, address, whether the provider verified it, and name.</summary>
public sealed record FakeOidcUser(string Subject, string Email, bool EmailVerified = true, string Name = "Outside Person");

/// <summary>
/// A local OpenID Connect provider speaking the real wire format: discovery (<c>/.well-known/openid-configuration</c>),
/// JWKS, and a token endpoint that checks the client, the redirect URI and the PKCE verifier (S256), honours each code
/// once, and answers an id_token signed RS256 with the nonce of the authorisation request. The browser's visit to
/// <c>/authorize</c> is played by <see cref="Approve"/>.
/// </summary>
public sealed class FakeOidcProvider : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _strangerKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    public FakeOidcProvider(string clientId = "brand-automator-client", string clientSecret = "fake-client-secret")
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher("/*"))).AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    public WireMockServer Server { get; }

    public string Authority => Server.Url!;

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Signs the next id_tokens with a key the JWKS does not publish (a forged answer).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    /// <summary>Puts another nonce into the next id_tokens (an answer replayed from another sign-in).</summary>
    public bool WrongNonce { get; set; }

    /// <summary>Configuration pointing an API host's <c>Authentication:{provider}</c> at this fake.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(string provider)
    {
        yield return new($"Authentication:{provider}:ClientId", ClientId);
        yield return new($"Authentication:{provider}:ClientSecret", ClientSecret);
        yield return new($"Authentication:{provider}:Authority", Authority);
    }

    /// <summary>The user approves the authorisation request: answers the code and the state the provider sends back.</summary>
    public (string Code, string State) Approve(string authorizationUrl, FakeOidcUser user)
    {
        var uri = new Uri(authorizationUrl);
        if (!authorizationUrl.StartsWith(Authority + "/authorize", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Not this provider's authorisation endpoint: {authorizationUrl}");
        }

        var query = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        if (query["response_type"] != "code" || query["code_challenge_method"] != "S256" || query["client_id"] != ClientId
            || !query["scope"].Split(' ').Contains("openid"))
        {
            throw new InvalidOperationException($"Not an OpenID Connect code request with PKCE: {authorizationUrl}");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(user, query["nonce"], query["code_challenge"], query["redirect_uri"]);
        return (code, query["state"]);
    }

    public void Dispose()
    {
        Server.Stop();
        _key.Dispose();
        _strangerKey.Dispose();
    }

    private ResponseMessage Handle(IRequestMessage request)
    {
        switch (request.Method, request.AbsolutePath)
        {
            case ("GET", "/.well-known/openid-configuration"):
                return Json(200, new JsonObject
                {
                    ["issuer"] = Authority,
                    ["authorization_endpoint"] = $"{Authority}/authorize",
                    ["token_endpoint"] = $"{Authority}/token",
                    ["jwks_uri"] = $"{Authority}/jwks",
                    ["response_types_supported"] = new JsonArray("code"),
                    ["subject_types_supported"] = new JsonArray("public"),
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["code_challenge_methods_supported"] = new JsonArray("S256"),
                });
            case ("GET", "/jwks"):
                var parameters = _key.ExportParameters(false);
                return Json(200, new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = "fake-key-1",
                        ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!),
                    }),
                });
            case ("POST", "/token"):
                return Token(request.Body ?? "");
            default:
                return Json(404, new JsonObject { ["error"] = "not_found" });
        }
    }

    private ResponseMessage Token(string body)
    {
        var form = body.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]), StringComparer.Ordinal);
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Json(401, new JsonObject { ["error"] = "invalid_client" });
        }

        // Each code once; the verifier must hash to the challenge, the redirect URI must be the one authorised.
        if (form.GetValueOrDefault("grant_type") != "authorization_code" || !_codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var grant)
            || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier") ?? ""))) != grant.Challenge
            || form.GetValueOrDefault("redirect_uri") != grant.RedirectUri)
        {
            return Json(400, new JsonObject { ["error"] = "invalid_grant" });
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = "fake-key-1", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = Authority, ["aud"] = ClientId, ["sub"] = grant.User.Subject, ["email"] = grant.User.Email,
            ["email_verified"] = grant.User.EmailVerified, ["name"] = grant.User.Name,
            ["nonce"] = WrongNonce ? "another-nonce" : grant.Nonce, ["iat"] = now, ["exp"] = now + 3600,
        };
        var signingInput = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        var signature = (SignWithUnpublishedKey ? _strangerKey : _key).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Json(200, new JsonObject
        {
            ["access_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["id_token"] = $"{signingInput}.{Base64Url(signature)}",
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ResponseMessage Json(int status, JsonObject body)
    {
        var response = new ResponseMessage { StatusCode = status };
        response.AddHeader("Content-Type", "application/json; charset=UTF-8");
        response.BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String };
        return response;
    }

    private sealed record Grant(FakeOidcUser User, string Nonce, string Challenge, string RedirectUri);
}
