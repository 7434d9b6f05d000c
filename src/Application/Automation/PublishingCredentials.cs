using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// A connection's credentials during a publishing run: its access token in clear, one refresh when the network refuses
/// it, and the connection marked for reconnecting when that does not help. Token changes are saved at once, whatever
/// becomes of the run.
/// </summary>
public sealed partial class PublishingCredentials(
    ITenantDb db, ITokenRefresher refresher, ISocialTokenProtector tokens, TimeProvider clock, ILogger<PublishingCredentials> logger)
{
    public string AccessToken(SocialConnection connection) => tokens.Unprotect(connection.Platform, connection.EncryptedAccessToken);

    /// <summary>Renews the tokens with the refresh grant; false when there is no refresh token or the network refuses it.</summary>
    public async Task<bool> TryRefreshAsync(SocialConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.CanRefresh)
        {
            return false;
        }

        RefreshedTokens? refreshed;
        try
        {
            refreshed = (await refresher.TryRefreshAsync(
                connection.Platform, tokens.Unprotect(connection.Platform, connection.EncryptedRefreshToken!), cancellationToken)).Tokens;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex, connection.Id);
            refreshed = null;
        }

        if (refreshed is null)
        {
            return false;
        }

        connection.ReplaceTokens(
            tokens.Protect(connection.Platform, refreshed.AccessToken),
            refreshed.RefreshToken is null ? null : tokens.Protect(connection.Platform, refreshed.RefreshToken),
            refreshed.ExpiresAt, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>The network refuses the access for good: the connection waits for the user to reconnect it.</summary>
    public async Task RequireReconnectAsync(SocialConnection connection, string reason)
    {
        connection.RequireReconnect(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token refresh failed for connection {ConnectionId}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Guid connectionId);
}
