using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Common.Ports;

/// <summary>The tenant whose schema this scope works in: from the verified token on requests, from job data in jobs.</summary>
public interface ITenantContext
{
    bool IsSet { get; }

    Guid TenantId { get; }

    string SchemaName { get; }

    /// <summary>Sets the tenant for this scope once; a second, different tenant is refused.</summary>
    void Use(Guid tenantId);
}

/// <summary>Who is calling, from the verified access token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid UserId { get; }

    Guid TenantId { get; }

    TenantRole Role { get; }

    string Email { get; }

    /// <summary>The session (refresh-token family) the access token was issued for.</summary>
    Guid SessionId { get; }
}

/// <summary>Where a request comes from, for sessions and the audit log.</summary>
public interface IRequestInfo
{
    string? IpAddress { get; }

    string? UserAgent { get; }
}

/// <summary>A signed access token and its lifetime.</summary>
public sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>What an access token says about its bearer.</summary>
public sealed record AccessTokenSubject(Guid UserId, string Email, string FullName, Guid TenantId, TenantRole Role, Guid SessionId);

/// <summary>Issues signed access tokens (RS256, with a key id).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(AccessTokenSubject subject);
}

/// <summary>
/// Forgets what the per-request access check remembers about sessions and memberships, so that an access token
/// already issued follows a change at its next request; other API nodes follow within the check's short lifetime.
/// Call after the change is saved.
/// </summary>
public interface IAccessRevocation
{
    /// <summary>One session (refresh-token family) ended.</summary>
    void SessionEnded(Guid sessionId);

    /// <summary>A member's role in a tenant changed, or the membership ended.</summary>
    void MembershipChanged(Guid userId, Guid tenantId);

    /// <summary>Every session of the user ended (password change, account locked, sign-out everywhere).</summary>
    void UserSessionsEnded(Guid userId);
}
