using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Social;

public sealed record AuthorizationStartDto(Uri AuthorizationUrl);

/// <summary>
/// Step one of connecting an account (OAuth 2.0 authorisation code with PKCE, S256): a single-use row holds the PKCE
/// verifier, the caller and the redirect URI for ten minutes; the signed state names it. The SPA sends the browser to
/// the returned address (a redirect could not carry the bearer token).
/// </summary>
public sealed record StartSocialConnection(SocialPlatform Platform, Guid? CompanyId, string RedirectUri)
    : ICommand<AuthorizationStartDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class StartSocialConnectionValidator : AbstractValidator<StartSocialConnection>
{
    public StartSocialConnectionValidator()
    {
        RuleFor(x => x.Platform).IsInEnum();
        RuleFor(x => x.RedirectUri).NotEmpty().Must(u => Uri.TryCreate(u, UriKind.Absolute, out _));
    }
}

public sealed class StartSocialConnectionHandler(
    ITenantDb db, ITenantContext tenant, ICurrentUser user, ISocialAuthorizationServer server, IOAuthStateProtector states, TimeProvider clock)
    : ICommandHandler<StartSocialConnection, AuthorizationStartDto>
{
    public async ValueTask<AuthorizationStartDto> Handle(StartSocialConnection command, CancellationToken cancellationToken)
    {
        if (!server.IsConfigured(command.Platform))
        {
            throw new ConflictException(
                $"{command.Platform.DisplayName()} is not configured on this server: its OAuth client id and secret " +
                $"(Publishing:{command.Platform}:ClientId and ClientSecret) are not set.");
        }

        await ContentRules.EnsureCompanyAsync(db, command.CompanyId, cancellationToken);
        var now = clock.GetUtcNow();
        // Abandoned authorisations go as new ones start: the table only ever holds the last few minutes' worth.
        await db.OAuthAuthorizations.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var verifier = Pkce.NewVerifier();
        var authorization = OAuthAuthorization.Start(command.Platform, command.CompanyId, user.UserId, verifier, command.RedirectUri, now);
        db.OAuthAuthorizations.Add(authorization);
        await db.SaveChangesAsync(cancellationToken);
        var state = states.Protect(tenant.TenantId, authorization.Id, authorization.ExpiresAt);
        return new AuthorizationStartDto(server.AuthorizationUrl(command.Platform, state, Pkce.Challenge(verifier), command.RedirectUri));
    }
}

/// <summary>RFC 7636: a 256-bit random verifier (43 characters of base64url) and its S256 challenge.</summary>
public static class Pkce
{
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

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
