using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>
/// The RSA key that signs access tokens, with its key id (the RFC 7638 thumbprint of the public key) and the public
/// JSON Web Key published at <c>/.well-known/jwks.json</c>.
/// </summary>
public sealed class SigningKeys
{
    public SigningKeys(IOptions<JwtOptions> options, IOptions<Persistence.EmbeddedPostgresOptions> data, IHostEnvironment environment)
    {
        var rsa = RSA.Create();
        var pem = options.Value.SigningKeyPem;
        if (string.IsNullOrWhiteSpace(pem))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Jwt:SigningKeyPem is required in production.");
            }

            pem = LoadOrCreateDevelopmentKey(Path.Combine(Path.GetFullPath(data.Value.DataDirectory), options.Value.DevelopmentKeyFile));
        }

        rsa.ImportFromPem(pem);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        var keyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        Current = new RsaSecurityKey(rsa) { KeyId = keyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = keyId });
        PublicJwk = new PublicJsonWebKey("RSA", "sig", SecurityAlgorithms.RsaSha256, keyId, jwk.N, jwk.E);
        ValidationKeys = [new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = keyId }];
    }

    /// <summary>The private key tokens are signed with.</summary>
    public RsaSecurityKey Current { get; }

    /// <summary>The public keys a token may be verified with.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    public PublicJsonWebKey PublicJwk { get; }

    private static string LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return pem;
    }
}

/// <summary>An RSA public key as RFC 7517 writes it.</summary>
public sealed record PublicJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);
