using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Drive;

/// <summary>
/// A Google Drive authorisation in progress (as <see cref="Social.OAuthAuthorization"/> is for the networks): who started
/// it, the PKCE verifier and the exact redirect URI, never taken from the browser. Its id is the nonce in the signed
/// state; the callback deletes it, so a state works once, and only until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class DriveAuthorization : Entity<Guid>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private DriveAuthorization()
    {
    }

    public Guid UserId { get; private set; }

    public string CodeVerifier { get; private set; } = "";

    public string RedirectUri { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static DriveAuthorization Start(Guid userId, string codeVerifier, string redirectUri, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), // random, not time-ordered: it is the state's nonce
        UserId = userId,
        CodeVerifier = codeVerifier,
        RedirectUri = redirectUri,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };
}
