using System.Globalization;
using System.Security.Cryptography;
using BrandAutomator.Application.Common.Ports;
using Microsoft.AspNetCore.DataProtection;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>
/// Sign-in challenges sealed with ASP.NET Data Protection (authenticated encryption, keys shared by every API node
/// through the database): the holder can neither read nor alter the user, workspace or expiry inside.
/// </summary>
public sealed class SignInChallenges(IDataProtectionProvider protection) : ISignInChallenges
{
    private readonly IDataProtector _protector = protection.CreateProtector("BrandAutomator.Auth.SignInChallenge.v1");

    public string Issue(SignInChallenge challenge) =>
        _protector.Protect(string.Join('|',
            challenge.UserId.ToString("N"),
            challenge.TenantId?.ToString("N") ?? "",
            challenge.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

    public SignInChallenge? Read(string token)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('|');
        return parts.Length == 3
            && Guid.TryParseExact(parts[0], "N", out var userId)
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)
            ? new SignInChallenge(userId, Guid.TryParseExact(parts[1], "N", out var tenantId) ? tenantId : null,
                DateTimeOffset.FromUnixTimeMilliseconds(expires))
            : null;
    }
}
