using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

/// <summary>What a profile image is drawn from: the brand's name (for its initials), its colours, and its logo if it has one.</summary>
public sealed record ProfileArt(string Name, IReadOnlyList<string> Colours, byte[]? LogoPng);

/// <summary>Draws profile images (SkiaSharp): exactly <c>size</c> pixels, as PNG bytes.</summary>
public interface IProfileImageRenderer
{
    byte[] RenderAvatar(ProfileArt art, PixelSize size);

    byte[] RenderBanner(ProfileArt art, PixelSize size);
}

/// <summary>The texts a network's profile needs, with their limits, for the bio writer.</summary>
public sealed record ProfileBioRequest(SocialPlatform Platform, IReadOnlyList<ProfileTextField> Fields);

/// <param name="Variant">0 for a first kit; a regeneration asks for another take.</param>
public sealed record ProfileBioBrief(BrandProfile Profile, IReadOnlyList<ProfileBioRequest> Platforms, int Variant);

/// <summary>One text the writer produced; its length is checked (and cut) by the caller, never trusted.</summary>
public sealed record ProfileBioDraft(SocialPlatform Platform, string Key, string Text);

/// <summary>Writes profile bios, taglines and descriptions in the brand's voice.</summary>
public interface IProfileBioWriter
{
    Task<AiResult<IReadOnlyList<ProfileBioDraft>>> WriteAsync(ProfileBioBrief brief, CancellationToken cancellationToken);
}

/// <summary>Texts to set on a connected account.</summary>
public sealed record ProfilePushRequest(SocialPlatform Platform, string AccountId, string AccessToken, IReadOnlyDictionary<string, string> Texts, string? Website);

public sealed record ProfilePushResult(bool Succeeded, string Message, bool TokenRejected = false);

/// <summary>
/// Sets profile texts through a network's API where one exists: a Facebook Page's <c>about</c> (Graph API
/// <c>POST /{page-id}</c>) and a Business Profile location's <c>profile.description</c> (<c>locations.patch</c>).
/// </summary>
public interface IProfilePusher
{
    bool CanPush(SocialPlatform platform);

    Task<ProfilePushResult> PushAsync(ProfilePushRequest request, CancellationToken cancellationToken);
}

public enum GoogleCallOutcome
{
    Succeeded,

    /// <summary>Google refused the request (4xx other than 401/429); <see cref="GoogleCallResult.Message"/> says why.</summary>
    Rejected,

    /// <summary>The access token was refused.</summary>
    Unauthorized,

    /// <summary>Nothing reached Google, or it said to try later (429, 5xx): safe to send again.</summary>
    Unavailable,

    /// <summary>The request went out and the answer was lost.</summary>
    Lost,
}

public sealed record GoogleCallResult(GoogleCallOutcome Outcome, string? LocationName = null, string? Message = null, IReadOnlyDictionary<string, string[]>? FieldErrors = null);

public sealed record LocationAddress(string RegionCode, string? PostalCode, string? AdministrativeArea, string? Locality, IReadOnlyList<string> AddressLines);

public sealed record LocationPlace(string PlaceName, string? PlaceId);

/// <summary>
/// A location as this product describes it; the adapter writes it in the Business Information API's <c>Location</c>
/// format (title, storefrontAddress or serviceArea, categories, phoneNumbers, websiteUri, profile.description).
/// </summary>
public sealed record LocationDraft(
    string LanguageCode, string Title, string? StoreCode, LocationAddress? StorefrontAddress, IReadOnlyList<LocationPlace>? ServiceAreaPlaces,
    string? ServiceAreaRegionCode, string PrimaryCategory, IReadOnlyList<string> AdditionalCategories, string? PrimaryPhone, string? WebsiteUri,
    string? Description);

/// <summary>The Business Information and Verifications APIs of Google Business Profile.</summary>
public interface IGoogleBusinessLocations
{
    /// <summary><c>POST {parent=accounts/*}/locations?validateOnly=true</c>: nothing is created.</summary>
    Task<GoogleCallResult> ValidateAsync(string account, LocationDraft location, string accessToken, CancellationToken cancellationToken);

    /// <summary><c>POST {parent=accounts/*}/locations?requestId=...</c>: the same requestId returns the same location.</summary>
    Task<GoogleCallResult> CreateAsync(string account, LocationDraft location, string requestId, string accessToken, CancellationToken cancellationToken);

    /// <summary><c>GET locations/{id}/VoiceOfMerchantState</c>; null when Google could not say.</summary>
    Task<LocationVerificationState?> GetVerificationAsync(string locationName, string accessToken, CancellationToken cancellationToken);
}
