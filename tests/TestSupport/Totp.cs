using System.Globalization;
using System.Security.Cryptography;

namespace BrandAutomator.TestSupport;

/// <summary>An authenticator app in a few lines (RFC 6238 TOTP, HMAC-SHA1, 30 s, 6 digits), written apart from the API's own.</summary>
public static class Totp
{
    /// <summary>The base32 secret of an otpauth:// URI.</summary>
    public static string SecretOf(string otpauthUri) =>
        Uri.UnescapeDataString(new Uri(otpauthUri).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))[7..]);

    public static string Code(string base32Secret, DateTimeOffset at, int digits = 6) =>
        CodeForStep(Base32(base32Secret), at.ToUnixTimeSeconds() / 30, digits);

    public static string CodeForStep(byte[] secret, long step, int digits = 6)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % (int)Math.Pow(10, digits)).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c != '=' && c != ' ')
            .Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
