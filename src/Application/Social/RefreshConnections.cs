using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Social;

public sealed record RefreshConnectionsResult(int Refreshed, int Revoked, int Failed);

/// <summary>
/// Run on a schedule for each tenant: every connection with a refresh token whose access token runs out within
/// <see cref="Ahead"/> is renewed now, before a post needs it. A network that answers <c>invalid_grant</c> has withdrawn
/// the grant: the connection is Revoked; any other refusal leaves it needing a reconnect; a transient failure is tried
/// again on the next run.
/// </summary>
public sealed record RefreshConnections(TimeSpan Ahead) : ICommand<RefreshConnectionsResult>;

public sealed partial class RefreshConnectionsHandler(
    ITenantDb db, ITokenRefresher refresher, ISocialTokenProtector tokens, TimeProvider clock, ILogger<RefreshConnectionsHandler> logger)
    : ICommandHandler<RefreshConnections, RefreshConnectionsResult>
{
    public async ValueTask<RefreshConnectionsResult> Handle(RefreshConnections command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now + command.Ahead;
        var due = await db.SocialConnections
            .Where(c => c.EncryptedRefreshToken != null && c.ExpiresAt != null && c.ExpiresAt < before &&
                        (c.Status == ConnectionStatus.Active || c.Status == ConnectionStatus.Expired))
            .OrderBy(c => c.ExpiresAt).Take(200).ToListAsync(cancellationToken);
        int refreshed = 0, revoked = 0, failed = 0;
        foreach (var connection in due)
        {
            TokenRefreshOutcome outcome;
            try
            {
                outcome = await refresher.TryRefreshAsync(
                    connection.Platform, tokens.Unprotect(connection.Platform, connection.EncryptedRefreshToken!), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Unreachable, timed out or 5xx: the grant may be fine; the next run tries again.
                LogTransient(logger, ex, connection.Id, connection.Platform);
                failed++;
                continue;
            }

            if (outcome.Tokens is { } renewed)
            {
                connection.ReplaceTokens(
                    tokens.Protect(connection.Platform, renewed.AccessToken),
                    renewed.RefreshToken is { Length: > 0 } r ? tokens.Protect(connection.Platform, r) : null,
                    renewed.ExpiresAt, clock.GetUtcNow());
                refreshed++;
            }
            else if (outcome.GrantRevoked)
            {
                connection.Revoke($"{connection.Platform.DisplayName()} refused the refresh token (invalid_grant{Description(outcome)}).", clock.GetUtcNow());
                revoked++;
            }
            else
            {
                connection.RequireReconnect(
                    $"{connection.Platform.DisplayName()} refused to renew the access ({outcome.Error}{Description(outcome)}).", clock.GetUtcNow());
                failed++;
            }

            // One at a time: a later failure must not lose the tokens a network has already rotated.
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RefreshConnectionsResult(refreshed, revoked, failed);
    }

    private static string Description(TokenRefreshOutcome outcome) => outcome.Description is { Length: > 0 } d ? $": {d}" : "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing connection {ConnectionId} ({Platform}) failed for now; tried again on the next run")]
    private static partial void LogTransient(ILogger logger, Exception exception, Guid connectionId, SocialPlatform platform);
}
