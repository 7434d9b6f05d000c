using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Ends every session of a user, or all but one: after a password reset or change. The one place that does it, so
/// that immediate revocation of access tokens can be added here without touching the use cases.
/// </summary>
public sealed class UserSessions(ICatalogDb catalog, TimeProvider clock)
{
    /// <summary>Revokes the user's live refresh tokens (all sessions, in every tenant) except <paramref name="keepSessionId"/>; saves.</summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? keepSessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = await catalog.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && (keepSessionId == null || t.FamilyId != keepSessionId))
            .ToListAsync(cancellationToken);
        foreach (var token in live)
        {
            token.Revoke(now, reason);
        }

        await catalog.SaveChangesAsync(cancellationToken);
        return live.Select(t => t.FamilyId).Distinct().Count();
    }
}
