using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Ends sessions: revokes their refresh tokens and makes the access tokens already issued for them stop working at
/// their next request. The one place that does both, so that no path ends a session and leaves its access token alive.
/// </summary>
public sealed class SessionTerminator(ICatalogDb catalog, IAccessRevocation revocation, TimeProvider clock)
{
    /// <summary>Ends one session of the user; false when the user has no such session. Saves.</summary>
    public async Task<bool> EndSessionAsync(Guid userId, Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var tokens = await catalog.RefreshTokens
            .Where(t => t.FamilyId == sessionId && t.UserId == userId)
            .ToListAsync(cancellationToken);
        await RevokeAsync(tokens, reason, cancellationToken);
        revocation.SessionEnded(sessionId);
        return tokens.Count > 0;
    }

    /// <summary>Ends every session of the user in one tenant (removed from it). Saves, inside the caller's transaction if one is open.</summary>
    public async Task EndTenantSessionsAsync(Guid userId, Guid tenantId, string reason, CancellationToken cancellationToken)
    {
        var tokens = await catalog.RefreshTokens
            .Where(t => t.TenantId == tenantId && t.UserId == userId && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        await RevokeAsync(tokens, reason, cancellationToken);
        revocation.MembershipChanged(userId, tenantId);
    }

    /// <summary>
    /// Every session of the user ends, in every tenant, except <paramref name="keepSessionId"/> when given: for a password
    /// reset or change, a new second factor, a locked account. Saves, inside the caller's transaction if one is open; the
    /// access tokens of the ended sessions stop at their next request. Answers how many sessions ended.
    /// </summary>
    public async Task<int> EndAllSessionsAsync(Guid userId, Guid? keepSessionId, string reason, CancellationToken cancellationToken)
    {
        var tokens = await catalog.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && (keepSessionId == null || t.FamilyId != keepSessionId))
            .ToListAsync(cancellationToken);
        await RevokeAsync(tokens, reason, cancellationToken);
        // Forgets every cached grant of the user: the kept session's next request is checked again and still holds.
        revocation.UserSessionsEnded(userId);
        return tokens.Select(t => t.FamilyId).Distinct().Count();
    }

    private async Task RevokeAsync(List<Domain.Accounts.RefreshToken> tokens, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var token in tokens.Where(t => t.RevokedAt is null))
        {
            token.Revoke(now, reason);
        }

        await catalog.SaveChangesAsync(cancellationToken);
    }
}
