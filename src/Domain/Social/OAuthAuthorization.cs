using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Social;

/// <summary>
/// One OAuth authorisation in progress: what the callback needs and must not take from the browser (who started it,
/// for which network and company, the PKCE verifier, the exact redirect URI). Its id is the nonce inside the signed
/// state; the callback deletes it, so a state works once, and only until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class OAuthAuthorization : Entity<Guid>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private OAuthAuthorization()
    {
    }

    public SocialPlatform Platform { get; private set; }

    public Guid? CompanyId { get; private set; }

    public Guid UserId { get; private set; }

    public string CodeVerifier { get; private set; } = "";

    public string RedirectUri { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static OAuthAuthorization Start(
        SocialPlatform platform, Guid? companyId, Guid userId, string codeVerifier, string redirectUri, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), // random, not time-ordered: it is the state's nonce
        Platform = platform,
        CompanyId = companyId,
        UserId = userId,
        CodeVerifier = codeVerifier,
        RedirectUri = redirectUri,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };
}
