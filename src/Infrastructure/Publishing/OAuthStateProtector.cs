using System.Globalization;
using System.Security.Cryptography;
using BrandAutomator.Application.Social;
using Microsoft.AspNetCore.DataProtection;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>
/// The OAuth state as Data Protection output (authenticated encryption, keys in the database, so any node reads any
/// node's state): tenant, nonce and expiry inside. Altering one character makes it unreadable.
/// </summary>
public sealed class OAuthStateProtector(IDataProtectionProvider provider, TimeProvider clock) : IOAuthStateProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("BrandAutomator.SocialOAuthState.v1");

    public string Protect(Guid tenantId, Guid nonce, DateTimeOffset expiresAt) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{tenantId:N}.{nonce:N}.{expiresAt.ToUnixTimeSeconds()}"));

    public (Guid TenantId, Guid Nonce)? Unprotect(string state)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var tenant) && Guid.TryParseExact(parts[1], "N", out var nonce) &&
               long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires) &&
               DateTimeOffset.FromUnixTimeSeconds(expires) > clock.GetUtcNow()
            ? (tenant, nonce)
            : null;
    }
}
