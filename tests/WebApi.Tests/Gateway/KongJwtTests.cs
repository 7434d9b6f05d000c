using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BrandAutomator.Infrastructure.Security;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Deployment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.WebApi.Tests.Gateway;

/// <summary>
/// The API's access tokens pass Kong's jwt plugin once kong.yml is rendered the way docker-compose.yml renders it at
/// deploy time, with the public key the API publishes; tokens from any other key, issuer or time do not.
/// </summary>
public sealed class KongJwtTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string PublicBaseUrl = "https://app.example.test";

    [Fact]
    public async Task A_token_the_api_issued_at_sign_up_passes_kongs_jwt_check_with_the_key_from_the_jwks_endpoint()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();

        var refusal = KongJwtPlugin.Check(account.AccessToken, jwt, kong.JwtCredentials(), DateTimeOffset.UtcNow);

        Assert.Null(refusal);
        // The credential was chosen by the token's iss: the API's configured issuer is the consumer's key.
        var issuer = factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value.Issuer;
        Assert.Equal(issuer, ApiClient.DecodePayload(account.AccessToken)["iss"]!.GetValue<string>());
        Assert.Equal("RS256", kong.JwtCredentials()[issuer]["algorithm"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_claims_signed_by_another_key_fail_the_signature_check()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();
        using var otherKey = RSA.Create(2048);

        var forged = Sign(ApiClient.DecodePayload(account.AccessToken), new RsaSecurityKey(otherKey));

        Assert.Equal("Invalid signature", KongJwtPlugin.Check(forged, jwt, kong.JwtCredentials(), DateTimeOffset.UtcNow)?.Message);
    }

    [Fact]
    public async Task A_token_of_another_issuer_finds_no_consumer()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();
        var claims = ApiClient.DecodePayload(account.AccessToken);
        claims["iss"] = "https://evil.example";

        var refusal = KongJwtPlugin.Check(Sign(claims, ApiKey()), jwt, kong.JwtCredentials(), DateTimeOffset.UtcNow);

        Assert.Equal("No credentials found for given 'iss'", refusal?.Message);
    }

    [Fact]
    public async Task An_expired_token_signed_by_the_api_key_is_refused()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();
        var claims = ApiClient.DecodePayload(account.AccessToken);
        var past = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        claims["iat"] = past - 900;
        claims["nbf"] = past - 900;
        claims["exp"] = past;

        var refusal = KongJwtPlugin.Check(Sign(claims, ApiKey()), jwt, kong.JwtCredentials(), DateTimeOffset.UtcNow);

        Assert.Equal("token expired", refusal?.Message);
    }

    [Fact]
    public async Task An_api_token_stops_passing_once_it_expires()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();
        var expires = DateTimeOffset.FromUnixTimeSeconds(ApiClient.DecodePayload(account.AccessToken)["exp"]!.GetValue<long>());

        Assert.Null(KongJwtPlugin.Check(account.AccessToken, jwt, kong.JwtCredentials(), expires.AddSeconds(-1)));
        Assert.Equal("token expired", KongJwtPlugin.Check(account.AccessToken, jwt, kong.JwtCredentials(), expires)?.Message);
    }

    [Fact]
    public async Task An_hs256_token_keyed_with_the_public_key_is_refused_for_its_algorithm()
    {
        var account = await factory.RegisterAsync();
        var (kong, jwt) = await RenderedKongAsync();
        var pem = kong.JwtCredentials()["brand-automator"]["rsa_public_key"]!.GetValue<string>();
        var key = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(pem));

        var forged = new JsonWebTokenHandler().CreateToken(ApiClient.DecodePayload(account.AccessToken).ToJsonString(),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));

        Assert.Equal("Invalid algorithm", KongJwtPlugin.Check(forged, jwt, kong.JwtCredentials(), DateTimeOffset.UtcNow)?.Message);
    }

    [Fact]
    public void The_committed_kong_yml_holds_no_key_and_fails_closed_until_rendered()
    {
        var template = RepositoryFiles.Read("kong.yml");
        var credential = KongConfig.Parse(template).JwtCredentials().Values.Single();

        Assert.Equal(1, Occurrences(template, "__JWT_PUBLIC_KEY_PEM__"));
        Assert.Equal(1, Occurrences(template, "__PUBLIC_BASE_URL__"));
        Assert.DoesNotContain("BEGIN", template, StringComparison.Ordinal);
        // Kong validates rsa_public_key when it loads the file: an unrendered placeholder is not a key, so Kong refuses
        // to start rather than run without token checks.
        using var rsa = RSA.Create();
        Assert.ThrowsAny<ArgumentException>(() => rsa.ImportFromPem(credential["rsa_public_key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_render_step_writes_the_public_key_as_kong_expects_it_and_the_spa_origin_into_cors()
    {
        var composed = await ComposeFile.Load().RenderKongConfigAsync(await JwksPublicKeyPemAsync(), PublicBaseUrl + "/");
        var kong = KongConfig.Parse(composed);
        var key = kong.JwtCredentials()["brand-automator"]["rsa_public_key"]!.GetValue<string>();

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", key, StringComparison.Ordinal);
        Assert.Equal([PublicBaseUrl], kong.GlobalPlugin("cors")!["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.DoesNotContain("__", composed.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Aggregate("", string.Concat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_render_step_also_takes_a_key_written_on_one_line_with_escaped_line_breaks()
    {
        var pem = await JwksPublicKeyPemAsync();

        var fromOneLine = await ComposeFile.Load().RenderKongConfigAsync(pem.Replace("\n", "\\n", StringComparison.Ordinal), PublicBaseUrl);

        Assert.Equal(pem.TrimEnd('\n'), KongConfig.Parse(fromOneLine).JwtCredentials()["brand-automator"]["rsa_public_key"]!.GetValue<string>().TrimEnd('\n'));
    }

    [Fact]
    public void Compose_leaves_the_render_script_alone_apart_from_its_escaped_dollars()
    {
        // A single $ in the script would be taken by Compose as one of its own variables and replaced before the
        // container ever sees it.
        var script = string.Join("\n", ComposeFile.Load().Service("kong")["entrypoint"]!.AsArray().Select(a => a!.GetValue<string>()));

        Assert.DoesNotContain("$", script.Replace("$$", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>kong.yml rendered by the deploy step with the API's published key, and the jwt plugin of the protected routes.</summary>
    private async Task<(KongConfig Kong, JsonObject Jwt)> RenderedKongAsync()
    {
        var kong = KongConfig.Parse(await ComposeFile.Load().RenderKongConfigAsync(await JwksPublicKeyPemAsync(), PublicBaseUrl));
        var jwt = kong.EffectivePlugin(kong.Match("GET", "/api/v1/companies")!, "jwt")!;
        return (kong, jwt);
    }

    /// <summary>The API's public key as its JWKS endpoint publishes it, in the PEM form that Kong's credential takes.</summary>
    private async Task<string> JwksPublicKeyPemAsync()
    {
        var jwks = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/.well-known/jwks.json"))!;
        var key = jwks["keys"]!.AsArray().Single()!;
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(key["n"]!.GetValue<string>()),
            Exponent = Base64UrlEncoder.DecodeBytes(key["e"]!.GetValue<string>()),
        });
        return rsa.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    private RsaSecurityKey ApiKey() => factory.Services.GetRequiredService<SigningKeys>().Current;

    private static string Sign(JsonObject claims, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(claims.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
