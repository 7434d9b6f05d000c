using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

/// <summary>Tokens from a network's token endpoint (authorisation code grant).</summary>
public sealed record OAuthTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    /// <summary>The token response's <c>scope</c>: what the user granted (null when the network did not say).</summary>
    public string? Scopes { get; init; }
}

/// <summary>
/// An account the signed-in user may publish as, found through the network's own API. <see cref="AccessToken"/> is the
/// account's own token where the network issues one (a Facebook Page token); null means the user's token.
/// </summary>
public sealed record DiscoveredAccount(string ExternalAccountId, string DisplayName, string? ProfileUrl, string? AccessToken = null);

/// <summary>A network's authorisation server and account API as the OAuth 2.0 authorisation code flow (with PKCE) uses them.</summary>
public interface ISocialAuthorizationServer
{
    /// <summary>Whether this server has an OAuth client for the network (a client id).</summary>
    bool IsConfigured(SocialPlatform platform);

    /// <summary>Where the user's browser goes to grant access: client id, redirect URI, scopes, state and the S256 challenge.</summary>
    Uri AuthorizationUrl(SocialPlatform platform, string state, string codeChallenge, string redirectUri);

    /// <summary>The authorisation code grant, sending the PKCE verifier; throws <see cref="OAuthProviderException"/> when refused.</summary>
    Task<OAuthTokens> ExchangeCodeAsync(SocialPlatform platform, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken);

    /// <summary>The accounts, pages or locations the token may publish as; throws <see cref="OAuthProviderException"/> when refused.</summary>
    Task<IReadOnlyList<DiscoveredAccount>> DiscoverAccountsAsync(SocialPlatform platform, OAuthTokens tokens, CancellationToken cancellationToken);
}

/// <summary>The network refused or failed a step of the flow; the message is safe to show (it never holds a token).</summary>
public sealed class OAuthProviderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Signs the OAuth <c>state</c> (tenant and nonce) so that the anonymous callback can trust what it names.</summary>
public interface IOAuthStateProtector
{
    string Protect(Guid tenantId, Guid nonce, DateTimeOffset expiresAt);

    /// <summary>The tenant and nonce of an intact, unexpired state; null for anything else.</summary>
    (Guid TenantId, Guid Nonce)? Unprotect(string state);
}
