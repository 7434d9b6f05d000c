using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// The workspace's Drive connection and a working access token for it: renewed with the refresh token shortly before it
/// runs out (Google's last an hour). A refused refresh or a refused token marks the connection for the user to connect
/// again, which its health then says in words; the tokens are decrypted only here.
/// </summary>
public sealed class DriveAccess(ITenantDb db, IDriveAuthorizationServer server, IDriveTokenProtector tokens, TimeProvider clock)
{
    public const string NotConnected = "Google Drive is not connected: an admin connects it on the Google Drive import page.";

    /// <summary>The connection, or null when none is made.</summary>
    public Task<DriveConnection?> ConnectionAsync(CancellationToken cancellationToken) =>
        db.DriveConnections.OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// An access token that works now; throws <see cref="ConflictException"/> (with what to do) when the connection is
    /// missing or needs the user. Saves renewed tokens at once: Google may have rotated them.
    /// </summary>
    public async Task<string> AccessTokenAsync(DriveConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            throw new ConflictException(NotConnected);
        }

        if (!connection.IsUsable)
        {
            throw new ConflictException(DriveHealth.Message(connection, clock.GetUtcNow()) ?? NotConnected);
        }

        var now = clock.GetUtcNow();
        if (!connection.NeedsRefreshAt(now))
        {
            return tokens.Unprotect(connection.EncryptedAccessToken);
        }

        if (!connection.CanRefresh)
        {
            connection.RequireReconnect("the access has expired and Google gave no way to renew it", now);
            await db.SaveChangesAsync(cancellationToken);
            throw new ConflictException(DriveHealth.Message(connection, now)!);
        }

        var outcome = await server.RefreshAsync(tokens.Unprotect(connection.EncryptedRefreshToken!), cancellationToken);
        if (outcome.Tokens is { } renewed)
        {
            connection.ReplaceTokens(tokens.Protect(renewed.AccessToken),
                renewed.RefreshToken is { Length: > 0 } r ? tokens.Protect(r) : null, renewed.ExpiresAt, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return renewed.AccessToken;
        }

        if (outcome.GrantRevoked)
        {
            connection.Revoke("Google no longer accepts this workspace's permission to read Drive", clock.GetUtcNow());
        }
        else
        {
            connection.RequireReconnect("Google refused to renew the access", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        throw new ConflictException(DriveHealth.Message(connection, clock.GetUtcNow())!);
    }
}
