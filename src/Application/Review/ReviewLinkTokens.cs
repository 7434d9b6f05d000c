using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace BrandAutomator.Application.Review;

/// <summary>Makes and hashes review link secrets: <c>rv_</c> and 43 base-62 characters (256 random bits), carried in the path.</summary>
public static class ReviewLinkTokens
{
    public const string Prefix = "rv_";

    /// <summary>Where the SPA opens a link, before the secret.</summary>
    public const string PagePath = "/review/";

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // 43 characters of 62 carry 256 bits (43 * log2(62) = 256.03).
    private const int RandomLength = 43;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string Generate() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>Lower-case hex SHA-256 of the secret: what is stored and looked up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a presented value has the shape of a secret at all (checked before any hashing or lookup).</summary>
    public static bool LooksLikeToken(string? value) =>
        value is not null && value.Length == Prefix.Length + RandomLength && value.StartsWith(Prefix, StringComparison.Ordinal) &&
        value.AsSpan(Prefix.Length).IndexOfAnyExcept(AlphabetValues) < 0;
}
