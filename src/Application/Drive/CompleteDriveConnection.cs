using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Drive;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Drive;

/// <summary>How Google's redirect back ended, for the SPA: connected, or why not (in words).</summary>
public sealed record DriveCallbackResult(string? Error);

/// <summary>
/// Step two, Google's redirect back (anonymous: the signed state says whose it is). The state's row is deleted as it is
/// checked, so it works once; the code is exchanged with the PKCE verifier; the tokens are stored encrypted on the
/// workspace's one Drive connection. A refusal by Google ends with an error and nothing written; a state that is
/// missing, altered, expired or used is a 400.
/// </summary>
public sealed record CompleteDriveConnection(string? Code, string? State, string? Error) : ICommand<DriveCallbackResult>;

public sealed partial class CompleteDriveConnectionHandler(
    ICatalogDb catalog, ITenantDb db, ITenantContext tenant, IDriveAuthorizationServer server, IOAuthStateProtector states,
    IDriveTokenProtector tokens, TimeProvider clock, ILogger<CompleteDriveConnectionHandler> logger)
    : ICommandHandler<CompleteDriveConnection, DriveCallbackResult>
{
    private const string StateField = "state";

    public async ValueTask<DriveCallbackResult> Handle(CompleteDriveConnection command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.State) || command.State.Length > 4096 || states.Unprotect(command.State) is not { } state)
        {
            throw InputValidationException.For(StateField, "The authorisation state is missing, altered or expired: start connecting again.");
        }

        var ready = await catalog.Tenants.AsNoTracking().AnyAsync(t => t.Id == state.TenantId && t.State == TenantState.Ready, cancellationToken);
        if (!ready)
        {
            throw InputValidationException.For(StateField, "The authorisation state names no workspace: start connecting again.");
        }

        tenant.Use(state.TenantId);
        var now = clock.GetUtcNow();
        var authorization = await db.DriveAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == state.Nonce, cancellationToken);
        // Deleting is the claim: of two callbacks with the same state, one deletes the row and the other deletes nothing.
        var claimed = authorization is not null &&
                      await db.DriveAuthorizations.Where(a => a.Id == state.Nonce).ExecuteDeleteAsync(cancellationToken) == 1;
        if (!claimed || authorization!.ExpiresAt <= now)
        {
            throw InputValidationException.For(StateField, "This authorisation was already used or has expired: start connecting again.");
        }

        if (!string.IsNullOrEmpty(command.Error))
        {
            return new DriveCallbackResult(command.Error == "access_denied"
                ? "Google Drive did not connect: access was not granted."
                : "Google Drive did not connect: Google refused the request.");
        }

        if (string.IsNullOrEmpty(command.Code))
        {
            return new DriveCallbackResult("Google sent no authorisation code.");
        }

        OAuthTokens granted;
        string account;
        try
        {
            granted = await server.ExchangeCodeAsync(command.Code, authorization.CodeVerifier, authorization.RedirectUri, cancellationToken);
            account = await server.AccountAsync(granted.AccessToken, cancellationToken);
        }
        catch (OAuthProviderException e)
        {
            LogRefused(logger, e);
            return new DriveCallbackResult(e.Message.Length > 300 ? e.Message[..300] : e.Message);
        }

        var access = tokens.Protect(granted.AccessToken);
        var refresh = granted.RefreshToken is { Length: > 0 } r ? tokens.Protect(r) : null;
        var connection = await db.DriveConnections.OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            db.DriveConnections.Add(DriveConnection.Connect(account, access, refresh, granted.ExpiresAt, authorization.UserId, now));
        }
        else
        {
            connection.Reauthorize(account, access, refresh, granted.ExpiresAt, authorization.UserId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DriveCallbackResult(null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting Google Drive failed at Google")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}
