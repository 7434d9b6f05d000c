using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Social;

/// <summary>
/// The brand's public profile on one network (the brief's <c>social_profiles</c>): where it is, and whether the product
/// has verified it by signing in to it. Written when an account is connected; a disconnected profile stays, unverified.
/// </summary>
public sealed class SocialProfile : Entity<Guid>
{
    public const int MaxUrlLength = 500;
    public const int MaxHandleLength = 200;

    private SocialProfile()
    {
    }

    public Guid? CompanyId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    /// <summary>The network's id of the account, page or location, as on its connection.</summary>
    public string ExternalAccountId { get; private set; } = "";

    /// <summary>The name or @handle the network shows.</summary>
    public string Handle { get; private set; } = "";

    /// <summary>The public page, when the network tells it (LinkedIn's sign-in does not).</summary>
    public string? ProfileUrl { get; private set; }

    /// <summary>True while a connection signed in to this very account backs it.</summary>
    public bool Verified { get; private set; }

    public Guid? ConnectionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A profile proven by the connection that signed in to it.</summary>
    public static SocialProfile FromConnection(SocialConnection connection, string? profileUrl, DateTimeOffset now)
    {
        var profile = new SocialProfile
        {
            Id = Guid.CreateVersion7(now),
            Platform = connection.Platform,
            ExternalAccountId = connection.ExternalAccountId,
            CreatedAt = now,
        };
        profile.Verify(connection, profileUrl, now);
        return profile;
    }

    public void Verify(SocialConnection connection, string? profileUrl, DateTimeOffset now)
    {
        CompanyId = connection.CompanyId ?? CompanyId;
        ConnectionId = connection.Id;
        Handle = connection.DisplayName.Length > MaxHandleLength ? connection.DisplayName[..MaxHandleLength] : connection.DisplayName;
        ProfileUrl = Url(profileUrl) ?? ProfileUrl;
        Verified = true;
        UpdatedAt = now;
    }

    /// <summary>Its connection was removed: the profile is still the brand's, but nothing proves it any more.</summary>
    public void Unlink(DateTimeOffset now)
    {
        ConnectionId = null;
        Verified = false;
        UpdatedAt = now;
    }

    // Only absolute http(s) addresses are kept: the SPA renders this as a link.
    private static string? Url(string? value) =>
        value is { Length: > 0 and <= MaxUrlLength } && Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value
            : null;
}
