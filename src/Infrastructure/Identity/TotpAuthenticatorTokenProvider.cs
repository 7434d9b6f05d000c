using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>
/// Identity's authenticator token provider, on the injected clock and with replay protection: codes are RFC 6238
/// TOTP (HMAC-SHA1, 30-second steps, 6 digits) from the key <see cref="UserManager{TUser}.GetAuthenticatorKeyAsync"/>
/// keeps, accepted one step either side for clock drift, and a time step once used (or any earlier one) is never
/// accepted again. The used step is saved with the user's concurrency stamp, so two requests racing with the same code
/// cannot both win.
/// </summary>
public sealed class TotpAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "Authenticator";

    /// <summary>Where the last accepted time step is kept among the user's tokens.</summary>
    public const string StoreName = "[BrandAutomator]";

    public const string LastStepName = "LastAuthenticatorStep";

    public const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes, never the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            // Every candidate is computed and compared in constant time, so the time taken says nothing about the code.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                matched = step;
            }
        }

        var last = await manager.GetAuthenticationTokenAsync(user, StoreName, LastStepName);
        if (matched is null || (long.TryParse(last, CultureInfo.InvariantCulture, out var lastStep) && matched <= lastStep))
        {
            return false;
        }

        try
        {
            return (await manager.SetAuthenticationTokenAsync(user, StoreName, LastStepName, matched.Value.ToString(CultureInfo.InvariantCulture))).Succeeded;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another request saved the same first step at the same moment: that one used the code.
            return false;
        }
    }

    /// <summary>The 6-digit code of one time step (RFC 4226 dynamic truncation of HMAC-SHA1 over the big-endian step).</summary>
    public static string Compute(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 as every authenticator app implements it: HMAC-SHA1 (sound as an HMAC; only SHA-1's collisions are broken).
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32 (the alphabet authenticator apps read keys in), without padding.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
