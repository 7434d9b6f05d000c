using System.Security.Cryptography;
using System.Text;

namespace BrandAutomator.Application.Content;

internal static class CalendarFeedTokens
{
    private const string Prefix = "cal";

    public static string Format(Guid tenantId, Guid userId, string secret) => $"{Prefix}.{tenantId:N}.{userId:N}.{secret}";

    public static bool TryParse(string? token, out Guid tenantId, out Guid userId, out string secret)
    {
        tenantId = userId = Guid.Empty;
        secret = "";
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != Prefix || parts[3].Length is < 20 or > 100 ||
            !Guid.TryParseExact(parts[1], "N", out tenantId) || !Guid.TryParseExact(parts[2], "N", out userId))
        {
            return false;
        }

        secret = parts[3];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}
