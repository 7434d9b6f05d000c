using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Auth;

/// <summary>Opens and rotates sessions: the refresh-token row and the access token that goes with it.</summary>
public sealed class SessionIssuer(ICatalogDb catalog, IAccessTokenIssuer accessTokens, IRequestInfo request, TimeProvider clock)
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>Starts a new session; the row is added to the catalog and saved by the caller.</summary>
    public AuthResponse Start(UserAccount user, Tenant tenant, TenantRole role)
    {
        var (token, hash) = NewRefreshToken();
        var row = RefreshToken.StartSession(user.Id, tenant.Id, hash, clock.GetUtcNow(), RefreshTokenLifetime, request.IpAddress, request.UserAgent);
        catalog.RefreshTokens.Add(row);
        return Respond(user, tenant, role, row.FamilyId, token);
    }

    /// <summary>Retires <paramref name="current"/> and issues its successor; saved by the caller.</summary>
    public AuthResponse Rotate(RefreshToken current, UserAccount user, Tenant tenant, TenantRole role)
    {
        var (token, hash) = NewRefreshToken();
        var next = current.Rotate(hash, clock.GetUtcNow(), RefreshTokenLifetime, request.IpAddress, request.UserAgent);
        catalog.RefreshTokens.Add(next);
        return Respond(user, tenant, role, next.FamilyId, token);
    }

    /// <summary>SHA-256 of a refresh token as stored: the token itself is never kept.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private AuthResponse Respond(UserAccount user, Tenant tenant, TenantRole role, Guid sessionId, string refreshToken)
    {
        var access = accessTokens.Issue(new AccessTokenSubject(user.Id, user.Email, user.FullName, tenant.Id, role, sessionId));
        return new AuthResponse(
            access.Token,
            refreshToken,
            access.ExpiresInSeconds,
            new AuthUser(user.Id, user.Email, user.FullName, role.ToClaimValue(), user.EmailVerified, user.TwoFactorEnabled),
            new AuthTenant(tenant.Id, tenant.Name, tenant.RequiresTwoFactor));
    }

    private static (string Token, string Hash) NewRefreshToken()
    {
        // 256 bits from the OS generator, URL-safe so that clients can pass it anywhere.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }
}
