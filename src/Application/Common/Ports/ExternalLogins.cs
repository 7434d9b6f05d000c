namespace BrandAutomator.Application.Common.Ports;

/// <summary>What an OpenID Connect provider vouches for, from an id_token whose signature, issuer, audience, expiry and nonce were checked.</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string Email, bool EmailVerified, string? Name);

public enum ExternalLoginPurpose
{
    SignIn,
    Link,
}

/// <summary>Where to send the browser, and the sealed state that comes back with the code.</summary>
public sealed record ExternalAuthorization(string AuthorizationUrl, string State);

/// <summary>A finished authorisation: who the provider says it is, and what it was started for (and by whom, to link).</summary>
public sealed record ExternalLoginResult(ExternalIdentity Identity, ExternalLoginPurpose Purpose, Guid? UserId);

/// <summary>
/// Sign-in with outside identity providers (Google, LinkedIn) over OpenID Connect: authorization code with PKCE, state
/// and nonce. Providers without a client id and secret in configuration are not offered.
/// </summary>
public interface IExternalIdentityProviders
{
    /// <summary>The configured providers' keys (<c>google</c>, <c>linkedin</c>) and names.</summary>
    IReadOnlyList<(string Key, string Name)> Configured { get; }

    /// <summary>The authorisation request for <paramref name="provider"/>; refused (409) when it is not configured.</summary>
    Task<ExternalAuthorization> StartAsync(string provider, ExternalLoginPurpose purpose, Guid? userId, CancellationToken cancellationToken);

    /// <summary>Exchanges the code (with the PKCE verifier) and validates the id_token; field errors for a bad state, code or token.</summary>
    Task<ExternalLoginResult> CompleteAsync(string provider, string code, string state, CancellationToken cancellationToken);
}

/// <summary>Logins at outside providers linked to user accounts (Identity's user logins).</summary>
public interface IExternalLogins
{
    Task<UserAccount?> FindByLoginAsync(string provider, string subject, CancellationToken cancellationToken);

    /// <summary>
    /// A user without a password, their address confirmed by the provider, with the login linked; made inside
    /// <paramref name="transaction"/>, so that it is kept only with the workspace made for it.
    /// </summary>
    Task<UserAccount> CreateUserAsync(CatalogTransaction transaction, ExternalIdentity identity, CancellationToken cancellationToken);

    Task LinkAsync(Guid userId, ExternalIdentity identity, CancellationToken cancellationToken);

    Task UnlinkAsync(Guid userId, string provider, CancellationToken cancellationToken);

    /// <summary>The providers linked to the user, and whether the user has a password.</summary>
    Task<(IReadOnlyList<string> Providers, bool HasPassword)> WaysInAsync(Guid userId, CancellationToken cancellationToken);
}
