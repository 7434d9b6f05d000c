using System.Security.Cryptography;
using System.Text;

namespace BrandAutomator.Application.Social;

/// <summary>RFC 7636: a 256-bit random verifier (43 characters of base64url) and its S256 challenge.</summary>
public static class Pkce
{
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
