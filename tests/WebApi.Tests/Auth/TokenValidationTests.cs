using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.WebApi.Tests.Auth;

public sealed class TokenValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        var account = await factory.RegisterAsync();
        using var otherKey = RSA.Create(2048);
        var forged = Sign(ApiClient.DecodePayload(account.AccessToken).ToJsonString(), new RsaSecurityKey(otherKey) { KeyId = KeyIdOf(account) });

        await AssertRefusedAsync(forged);
    }

    [Fact]
    public async Task A_token_with_alg_none_is_refused()
    {
        var account = await factory.RegisterAsync();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(ApiClient.DecodePayload(account.AccessToken).ToJsonString());

        await AssertRefusedAsync($"{header}.{payload}.");
    }

    [Fact]
    public async Task An_hs256_token_keyed_with_the_public_key_is_refused()
    {
        var account = await factory.RegisterAsync();
        var jwks = await factory.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwks.PadRight(64, '=')));
        var forged = new JsonWebTokenHandler().CreateToken(ApiClient.DecodePayload(account.AccessToken).ToJsonString(),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));

        await AssertRefusedAsync(forged);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var account = await factory.RegisterAsync();
        var claims = ApiClient.DecodePayload(account.AccessToken);
        var past = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        claims["iat"] = past - 900;
        claims["nbf"] = past - 900;
        claims["exp"] = past;

        await AssertRefusedAsync(SignWithApiKey(claims.ToJsonString()));
    }

    [Fact]
    public async Task A_token_for_another_audience_or_issuer_is_refused()
    {
        var account = await factory.RegisterAsync();
        var otherAudience = ApiClient.DecodePayload(account.AccessToken);
        otherAudience["aud"] = "some-other-api";
        var otherIssuer = ApiClient.DecodePayload(account.AccessToken);
        otherIssuer["iss"] = "https://evil.example";

        await AssertRefusedAsync(SignWithApiKey(otherAudience.ToJsonString()));
        await AssertRefusedAsync(SignWithApiKey(otherIssuer.ToJsonString()));
    }

    [Fact]
    public async Task The_same_claims_signed_with_the_api_key_are_accepted()
    {
        // The control for the tests above: only the one thing each of them changes makes the token fail.
        var account = await factory.RegisterAsync();

        var response = await Send(SignWithApiKey(ApiClient.DecodePayload(account.AccessToken).ToJsonString()));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
    }

    private async Task AssertRefusedAsync(string token)
    {
        var response = await Send(token);
        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> Send(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/v1/companies");
    }

    private string SignWithApiKey(string payload)
    {
        // The development key the API made in its data folder on first use.
        var pem = File.ReadAllText(Path.Combine(factory.DataDirectory, "keys", "jwt-signing-key.pem"));
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(false)).ComputeJwkThumbprint());
        return Sign(payload, key);
    }

    private static string Sign(string payload, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    private static string KeyIdOf(Account account) =>
        System.Text.Json.Nodes.JsonNode.Parse(Base64UrlEncoder.Decode(account.AccessToken.Split('.')[0]))!["kid"]!.GetValue<string>();

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
