using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Social;

/// <summary>How the callback ended, for the redirect back to the SPA: the networks' accounts connected, or why not.</summary>
public sealed record ConnectionCallbackResult(SocialPlatform Platform, int Connected, string? Error);

/// <summary>
/// Step two, the network's redirect back (anonymous: the signed state says whose it is). The state is checked and its
/// row deleted in one statement, so it works once; the code is exchanged with the PKCE verifier; the accounts are
/// found through the network's API; tokens are stored encrypted. A refusal by the network ends with an error and
/// nothing written; a state that is missing, altered, expired or used is a 400.
/// </summary>
public sealed record CompleteSocialConnection(SocialPlatform Platform, string? Code, string? State, string? Error, string? ErrorDescription)
    : ICommand<ConnectionCallbackResult>;

public sealed partial class CompleteSocialConnectionHandler(
    ICatalogDb catalog, ITenantDb db, ITenantContext tenant, ISocialAuthorizationServer server, IOAuthStateProtector states,
    ISocialTokenProtector tokens, TimeProvider clock, ILogger<CompleteSocialConnectionHandler> logger)
    : ICommandHandler<CompleteSocialConnection, ConnectionCallbackResult>
{
    private const string StateField = "state";

    public async ValueTask<ConnectionCallbackResult> Handle(CompleteSocialConnection command, CancellationToken cancellationToken)
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
        var authorization = await db.OAuthAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == state.Nonce, cancellationToken);
        // Deleting is the claim: of two callbacks with the same state, one deletes the row and the other deletes nothing.
        var claimed = authorization is not null &&
                      await db.OAuthAuthorizations.Where(a => a.Id == state.Nonce).ExecuteDeleteAsync(cancellationToken) == 1;
        if (!claimed || authorization!.ExpiresAt <= now || authorization.Platform != command.Platform)
        {
            throw InputValidationException.For(StateField, "This authorisation was already used, has expired, or is for another network: start connecting again.");
        }

        var network = command.Platform.DisplayName();
        if (!string.IsNullOrEmpty(command.Error))
        {
            var why = command.Error == "access_denied" ? "access was not granted" : command.ErrorDescription ?? command.Error;
            return new ConnectionCallbackResult(command.Platform, 0, $"{network} did not connect: {Limit(why)}.");
        }

        if (string.IsNullOrEmpty(command.Code))
        {
            return new ConnectionCallbackResult(command.Platform, 0, $"{network} sent no authorisation code.");
        }

        // The brand the connection was started for may have been deleted while the user was on the network's pages.
        if (authorization.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            return new ConnectionCallbackResult(command.Platform, 0,
                $"The brand this {network} connection was started for no longer exists: connect again from its current brand.");
        }

        IReadOnlyList<DiscoveredAccount> accounts;
        OAuthTokens granted;
        try
        {
            granted = await server.ExchangeCodeAsync(command.Platform, command.Code, authorization.CodeVerifier, authorization.RedirectUri, cancellationToken);
            accounts = await server.DiscoverAccountsAsync(command.Platform, granted, cancellationToken);
        }
        catch (OAuthProviderException e)
        {
            LogProviderRefused(logger, e, command.Platform);
            return new ConnectionCallbackResult(command.Platform, 0, Limit(e.Message));
        }

        if (accounts.Count == 0)
        {
            return new ConnectionCallbackResult(command.Platform, 0,
                command.Platform is SocialPlatform.Facebook or SocialPlatform.Instagram
                    ? $"{network} found no page (or no Instagram business account on a page) that you manage."
                    : $"{network} found no account for this sign-in.");
        }

        var ids = accounts.Select(a => a.ExternalAccountId).ToList();
        var existing = await db.SocialConnections.Where(c => c.Platform == command.Platform && ids.Contains(c.ExternalAccountId)).ToListAsync(cancellationToken);
        var profiles = await db.SocialProfiles.Where(p => p.Platform == command.Platform && ids.Contains(p.ExternalAccountId)).ToListAsync(cancellationToken);
        var refresh = string.IsNullOrEmpty(granted.RefreshToken) ? null : tokens.Protect(command.Platform, granted.RefreshToken);
        foreach (var account in accounts)
        {
            var access = tokens.Protect(command.Platform, account.AccessToken ?? granted.AccessToken);
            // An account's own token (a Page token) is not renewed by the user's refresh token, nor does it expire with it.
            var expiresAt = account.AccessToken is null ? granted.ExpiresAt : null;
            var accountRefresh = account.AccessToken is null ? refresh : null;
            var connection = existing.SingleOrDefault(c => c.ExternalAccountId == account.ExternalAccountId);
            if (connection is null)
            {
                connection = SocialConnection.Connect(authorization.CompanyId, command.Platform, account.ExternalAccountId,
                    Name(account), access, accountRefresh, expiresAt, authorization.UserId, now);
                db.SocialConnections.Add(connection);
            }
            else
            {
                connection.Reauthorize(authorization.CompanyId, Name(account), access, accountRefresh, expiresAt, now);
            }

            connection.RecordGrantedScopes(granted.Scopes);

            var profile = profiles.SingleOrDefault(p => p.ExternalAccountId == account.ExternalAccountId);
            if (profile is null)
            {
                db.SocialProfiles.Add(SocialProfile.FromConnection(connection, account.ProfileUrl, now));
            }
            else
            {
                profile.Verify(connection, account.ProfileUrl, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ConnectionCallbackResult(command.Platform, accounts.Count, null);
    }

    private static string Name(DiscoveredAccount account)
    {
        var name = account.DisplayName.Trim();
        if (name.Length == 0)
        {
            name = account.ExternalAccountId;
        }

        return name.Length > SocialConnection.MaxDisplayNameLength ? name[..SocialConnection.MaxDisplayNameLength] : name;
    }

    private static string Limit(string text) => text.Length > 300 ? text[..300] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting {Platform} failed at the network")]
    private static partial void LogProviderRefused(ILogger logger, Exception exception, SocialPlatform platform);
}
