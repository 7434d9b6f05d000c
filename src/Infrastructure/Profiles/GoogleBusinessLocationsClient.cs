using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Profiles;

/// <summary>
/// Google Business Profile's Business Information API v1 and Verifications API v1:
/// <c>POST /v1/{parent=accounts/*}/locations</c> (<c>validateOnly</c>, <c>requestId</c>; the body is a Location),
/// <c>PATCH /v1/{name=locations/*}?updateMask=profile.description</c>, and
/// <c>GET /v1/{name=locations/*}/VoiceOfMerchantState</c>. References: developers.google.com/my-business/reference/
/// businessinformation/rest/v1/accounts.locations/create and .../verifications/rest/v1/locations/getVoiceOfMerchantState.
/// </summary>
public sealed class GoogleBusinessLocationsClient(HttpClient http, IOptions<GoogleBusinessProfileOptions> options) : IGoogleBusinessLocations
{
    private const string Network = "Google Business Profile";

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task<GoogleCallResult> ValidateAsync(string account, LocationDraft location, string accessToken, CancellationToken cancellationToken) =>
        CreateCoreAsync(account, location, "validateOnly=true", accessToken, repeatable: true, cancellationToken);

    public Task<GoogleCallResult> CreateAsync(string account, LocationDraft location, string requestId, string accessToken, CancellationToken cancellationToken) =>
        CreateCoreAsync(account, location, "requestId=" + Uri.EscapeDataString(requestId), accessToken, repeatable: false, cancellationToken);

    public async Task<LocationVerificationState?> GetVerificationAsync(string locationName, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PlatformHttp.Url(options.Value.VerificationsUrl, $"v1/{locationName}/VoiceOfMerchantState"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            return VerificationOf(await PlatformHttp.ReadJsonAsync(response, cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>VoiceOfMerchantState: <c>hasVoiceOfMerchant</c>, or the one action of its <c>gain_voice_of_merchant_action</c> union.</summary>
    public static LocationVerificationState VerificationOf(JsonNode? state)
    {
        if (state is not JsonObject json)
        {
            return LocationVerificationState.Unknown;
        }

        if (json["hasVoiceOfMerchant"] is JsonValue v && v.TryGetValue<bool>(out var has) && has)
        {
            return LocationVerificationState.Verified;
        }

        if (json["verify"] is JsonObject verify)
        {
            return verify["hasPendingVerification"] is JsonValue p && p.TryGetValue<bool>(out var pending) && pending
                ? LocationVerificationState.PendingVerification
                : LocationVerificationState.VerificationRequired;
        }

        return json.ContainsKey("waitForVoiceOfMerchant") ? LocationVerificationState.UnderReview
            : json.ContainsKey("resolveOwnershipConflict") ? LocationVerificationState.OwnershipConflict
            : json.ContainsKey("complyWithGuidelines") ? LocationVerificationState.GuidelinesIssue
            : LocationVerificationState.Unknown;
    }

    /// <summary>The Location resource as the API spells it; absent values are left out.</summary>
    internal static string LocationBody(LocationDraft d)
    {
        var serviceArea = d.ServiceAreaPlaces is { Count: > 0 } places
            ? new
            {
                businessType = d.StorefrontAddress is null ? "CUSTOMER_LOCATION_ONLY" : "CUSTOMER_AND_BUSINESS_LOCATION",
                places = new { placeInfos = places.Select(p => new { placeName = p.PlaceName, placeId = p.PlaceId }).ToArray() },
                regionCode = d.ServiceAreaRegionCode,
            }
            : null;
        var body = new
        {
            languageCode = d.LanguageCode,
            storeCode = d.StoreCode,
            title = d.Title,
            phoneNumbers = d.PrimaryPhone is null ? null : new { primaryPhone = d.PrimaryPhone },
            categories = new
            {
                primaryCategory = new { name = d.PrimaryCategory },
                additionalCategories = d.AdditionalCategories.Count == 0 ? null : d.AdditionalCategories.Select(c => new { name = c }).ToArray(),
            },
            storefrontAddress = d.StorefrontAddress is { } a
                ? new { regionCode = a.RegionCode, languageCode = d.LanguageCode, postalCode = a.PostalCode, administrativeArea = a.AdministrativeArea, locality = a.Locality, addressLines = a.AddressLines }
                : null,
            serviceArea,
            websiteUri = d.WebsiteUri,
            profile = d.Description is null ? null : new { description = d.Description },
        };
        return JsonSerializer.Serialize(body, Wire);
    }

    private async Task<GoogleCallResult> CreateCoreAsync(
        string account, LocationDraft location, string query, string accessToken, bool repeatable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PlatformHttp.Url(options.Value.BusinessInformationUrl, $"v1/{account}/locations") + "?" + query))
        {
            Content = new StringContent(LocationBody(location), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return new GoogleCallResult(GoogleCallOutcome.Unavailable, Message: $"{Network} could not be reached ({e.Message}).");
        }
        catch (HttpRequestException e)
        {
            return new GoogleCallResult(repeatable ? GoogleCallOutcome.Unavailable : GoogleCallOutcome.Lost,
                Message: $"The connection to {Network} broke after the request was sent ({e.Message}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new GoogleCallResult(repeatable ? GoogleCallOutcome.Unavailable : GoogleCallOutcome.Lost,
                Message: $"{Network} did not answer in time; it is not known whether the location was created.");
        }

        using (response)
        {
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new GoogleCallResult(GoogleCallOutcome.Succeeded, PlatformHttp.String(body?["name"]));
            }

            var message = PlatformHttp.Message(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            return (int)response.StatusCode switch
            {
                401 => new GoogleCallResult(GoogleCallOutcome.Unauthorized, Message: message),
                429 or >= 500 => new GoogleCallResult(GoogleCallOutcome.Unavailable, Message: $"{Network} is unavailable ({(int)response.StatusCode}): {message}"),
                _ => new GoogleCallResult(GoogleCallOutcome.Rejected, Message: message, FieldErrors: FieldViolations(body)),
            };
        }
    }

    /// <summary>google.rpc.BadRequest field violations from <c>error.details</c>, keyed <c>location.{field}</c>.</summary>
    private static Dictionary<string, string[]>? FieldViolations(JsonNode? body)
    {
        if (body?["error"]?["details"] is not JsonArray details)
        {
            return null;
        }

        var errors = details.OfType<JsonObject>()
            .SelectMany(d => d["fieldViolations"] is JsonArray v ? v.OfType<JsonObject>() : [])
            .Select(v => (Field: PlatformHttp.String(v["field"]), Description: PlatformHttp.String(v["description"])))
            .Where(v => !string.IsNullOrEmpty(v.Field))
            .GroupBy(v => "location." + v.Field!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description ?? "Google refused this value.").ToArray(), StringComparer.Ordinal);
        return errors.Count > 0 ? errors : null;
    }
}

/// <summary>
/// Sets profile texts on connected accounts: a Facebook Page's <c>about</c> and <c>website</c> (Graph API
/// <c>POST /{page-id}</c>, form fields, Page access token), and a Business Profile location's
/// <c>profile.description</c> (<c>PATCH /v1/locations/{id}?updateMask=profile.description</c>). X, LinkedIn and
/// Instagram offer no API that sets a business profile's bio to apps like this one.
/// </summary>
public sealed class ProfilePusher(HttpClient http, IOptions<PlatformOptions> platforms, IOptions<GoogleBusinessProfileOptions> google) : IProfilePusher
{
    public bool CanPush(SocialPlatform platform) => platform is SocialPlatform.Facebook or SocialPlatform.GoogleBusiness;

    public async Task<ProfilePushResult> PushAsync(ProfilePushRequest request, CancellationToken cancellationToken)
    {
        using var message = request.Platform switch
        {
            SocialPlatform.Facebook => Facebook(request),
            SocialPlatform.GoogleBusiness => GoogleBusiness(request),
            _ => null,
        };
        if (message is null)
        {
            return new ProfilePushResult(false, $"{request.Platform.DisplayName()} offers no API to set profile texts, or the connection names no location.");
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new ProfilePushResult(true, $"Set on {request.Platform.DisplayName()} ({string.Join(", ", request.Texts.Keys)}).");
            }

            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            var reason = PlatformHttp.Message(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var graphCode = body?["error"]?["code"] is JsonValue code && code.TryGetValue<int>(out var c) ? c : 0;
            var tokenRejected = response.StatusCode == HttpStatusCode.Unauthorized || graphCode == 190;
            return new ProfilePushResult(false, $"{request.Platform.DisplayName()} refused the profile texts: {reason}", tokenRejected);
        }
        catch (HttpRequestException e)
        {
            return new ProfilePushResult(false, $"{request.Platform.DisplayName()} could not be reached ({e.Message}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Setting a text is idempotent: trying again is safe.
            return new ProfilePushResult(false, $"{request.Platform.DisplayName()} did not answer in time; push again.");
        }
    }

    private HttpRequestMessage? Facebook(ProfilePushRequest request)
    {
        if (!request.Texts.TryGetValue("about", out var about))
        {
            return null;
        }

        var fields = new Dictionary<string, string> { ["about"] = about, ["access_token"] = request.AccessToken };
        if (request.Website is { } website)
        {
            fields["website"] = website;
        }

        return new HttpRequestMessage(HttpMethod.Post, PlatformHttp.Url(platforms.Value.Facebook.BaseUrl, Uri.EscapeDataString(request.AccountId)))
        {
            Content = new FormUrlEncodedContent(fields),
        };
    }

    private HttpRequestMessage? GoogleBusiness(ProfilePushRequest request)
    {
        var at = request.AccountId.IndexOf("locations/", StringComparison.Ordinal);
        if (at < 0 || !request.Texts.TryGetValue("description", out var description))
        {
            return null;
        }

        var location = request.AccountId[at..].TrimEnd('/');
        var message = new HttpRequestMessage(HttpMethod.Patch,
            new Uri(PlatformHttp.Url(google.Value.BusinessInformationUrl, $"v1/{location}") + "?updateMask=profile.description"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { profile = new { description } }), Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
        return message;
    }
}
