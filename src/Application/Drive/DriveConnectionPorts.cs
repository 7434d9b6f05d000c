using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Social;

namespace BrandAutomator.Application.Drive;

/// <summary>Google's authorisation server as connecting Drive uses it: authorisation code with PKCE, refresh, and who the token is.</summary>
public interface IDriveAuthorizationServer
{
    /// <summary>Whether this server has a Google OAuth client for Drive (a client id).</summary>
    bool IsConfigured { get; }

    /// <summary>Where the browser goes to grant read access to Drive: client id, redirect URI, scope, state, S256 challenge, offline access.</summary>
    Uri AuthorizationUrl(string state, string codeChallenge, string redirectUri);

    /// <summary>The authorisation code grant with the PKCE verifier; throws <see cref="OAuthProviderException"/> when refused.</summary>
    Task<OAuthTokens> ExchangeCodeAsync(string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken);

    /// <summary>The Google account the token reads as (Drive's <c>about.user</c>: its e-mail address, else its name).</summary>
    Task<string> AccountAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>The refresh_token grant; <c>invalid_grant</c> means the grant is gone.</summary>
    Task<TokenRefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken);
}

/// <summary>Encrypts Drive tokens at rest, with a purpose of their own.</summary>
public interface IDriveTokenProtector
{
    string Protect(string token);

    string Unprotect(string protectedToken);
}

/// <summary>Runs imports in the background, on whichever node of the cluster is free, surviving a restart.</summary>
public interface IDriveJobs
{
    /// <summary>Runs the import (or, for an imported folder, a sync) of the current tenant's source soon.</summary>
    Task RunSoonAsync(Guid sourceId, CancellationToken cancellationToken);
}
