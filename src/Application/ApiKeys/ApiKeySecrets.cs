using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Domain.ApiKeys;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>Makes and hashes API key secrets: <c>ba_live_</c> and 43 base-62 characters (256 random bits).</summary>
public static class ApiKeySecrets
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    // 43 characters of 62 carry 256 bits (43 * log2(62) = 256.03).
    private const int RandomLength = 43;

    public static int SecretLength => ApiKey.SecretPrefix.Length + RandomLength;

    public static string Generate() => ApiKey.SecretPrefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>Lower-case hex SHA-256 of the secret: what is stored and looked up.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a presented value has the shape of a secret at all (checked before any hashing or lookup).</summary>
    public static bool LooksLikeSecret(string? value) =>
        value is not null && value.Length == SecretLength && value.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal) &&
        value.AsSpan(ApiKey.SecretPrefix.Length).IndexOfAnyExcept(AlphabetValues) < 0;
}
