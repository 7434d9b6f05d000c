using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.WebApi.Tests.Gateway;

/// <summary>What Kong's jwt plugin answers: null when it lets the request through, else its status and message.</summary>
public sealed record KongJwtRefusal(int Status, string Message);

/// <summary>
/// The checks of Kong's jwt plugin (3.x), in its order: decode the token (it must name an alg); take the claim named by <c>key_claim_name</c>; find the consumer credential whose <c>key</c> is that
/// value; the token's <c>alg</c> must be the credential's algorithm; verify the signature with the credential's
/// <c>rsa_public_key</c>; verify the registered claims in <c>claims_to_verify</c>; then <c>maximum_expiration</c>.
/// </summary>
public static class KongJwtPlugin
{
    public static KongJwtRefusal? Check(string token, JsonObject pluginConfig, IReadOnlyDictionary<string, JsonObject> credentials, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return new KongJwtRefusal(401, "Bad token; invalid JWT");
        }

        JsonObject header, claims;
        try
        {
            header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
            claims = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return new KongJwtRefusal(401, "Bad token; invalid JSON");
        }

        if (header["alg"] is not JsonValue alg || !alg.TryGetValue<string>(out _))
        {
            return new KongJwtRefusal(401, "Bad token; invalid alg");
        }

        var keyClaim = pluginConfig["key_claim_name"]?.GetValue<string>() ?? "iss";
        var key = (claims[keyClaim] ?? header[keyClaim])?.GetValue<string>();
        if (key is null)
        {
            return new KongJwtRefusal(401, $"No mandatory '{keyClaim}' in claims");
        }

        if (!credentials.TryGetValue(key, out var credential))
        {
            return new KongJwtRefusal(401, $"No credentials found for given '{keyClaim}'");
        }

        var algorithm = credential["algorithm"]?.GetValue<string>() ?? "HS256";
        if (header["alg"]?.GetValue<string>() != algorithm)
        {
            return new KongJwtRefusal(401, "Invalid algorithm");
        }

        Assert.Equal("RS256", algorithm);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(credential["rsa_public_key"]!.GetValue<string>());
        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (!rsa.VerifyData(signed, Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return new KongJwtRefusal(401, "Invalid signature");
        }

        var toVerify = (pluginConfig["claims_to_verify"]?.AsArray() ?? []).Select(c => c!.GetValue<string>()).ToList();
        var seconds = now.ToUnixTimeSeconds();
        if (toVerify.Contains("exp") && (claims["exp"] is not JsonValue exp || !exp.TryGetValue<long>(out var expires) || expires <= seconds))
        {
            return new KongJwtRefusal(401, "token expired");
        }

        if (toVerify.Contains("nbf") && (claims["nbf"] is not JsonValue nbf || !nbf.TryGetValue<long>(out var notBefore) || notBefore > seconds))
        {
            return new KongJwtRefusal(401, "token not valid yet");
        }

        var maximum = pluginConfig["maximum_expiration"]?.GetValue<long>() ?? 0;
        if (maximum > 0 && claims["exp"]!.GetValue<long>() - seconds > maximum)
        {
            return new KongJwtRefusal(401, "exceeds maximum allowed expiration");
        }

        return null;
    }
}
