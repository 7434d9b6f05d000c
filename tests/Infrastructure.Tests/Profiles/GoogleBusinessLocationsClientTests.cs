using System.Text.Json.Nodes;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Profiles;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Tests.Profiles;

/// <summary>The Business Information and Verifications adapter against the fake Google Business Profile, on the wire.</summary>
public sealed class GoogleBusinessLocationsClientTests : IDisposable
{
    private readonly FakeGoogleBusiness _google = new();
    // Answers come in time even on a busy machine; only the lost-answer test waits less than the fake holds its answer.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _impatient = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly GoogleBusinessLocationsClient _client;

    public GoogleBusinessLocationsClientTests() => _client = ClientWith(_http);

    private GoogleBusinessLocationsClient ClientWith(HttpClient http) =>
        new(http, Options.Create(new GoogleBusinessProfileOptions
        {
            BusinessInformationUrl = _google.BaseUrl,
            VerificationsUrl = _google.BaseUrl,
        }));

    private static LocationDraft Draft(string category = "categories/gcid:bakery") => new(
        "en", "Harbour Bakery", "hb-1", new LocationAddress("GB", "BS1 4RN", null, "Bristol", ["1 Harbour Way"]), null, null, category, [],
        "+44 117 496 0000", "https://harbour.example", "Sourdough baked overnight.");

    [Fact]
    public async Task The_same_request_id_returns_the_same_location_and_validation_creates_none()
    {
        var validated = await _client.ValidateAsync("accounts/1", Draft(), "token", CancellationToken.None);
        var first = await _client.CreateAsync("accounts/1", Draft(), "req-1", "token", CancellationToken.None);
        var again = await _client.CreateAsync("accounts/1", Draft(), "req-1", "token", CancellationToken.None);
        var other = await _client.CreateAsync("accounts/1", Draft(), "req-2", "token", CancellationToken.None);

        Assert.Equal(GoogleCallOutcome.Succeeded, validated.Outcome);
        Assert.Null(validated.LocationName);
        Assert.Equal(first.LocationName, again.LocationName);
        Assert.NotEqual(first.LocationName, other.LocationName);
        Assert.Equal(2, _google.Locations.Count);
        var body = JsonNode.Parse(_google.Requests[0].Body)!;
        Assert.Equal("GB", body["storefrontAddress"]!["regionCode"]!.GetValue<string>());
        Assert.Equal("en", body["storefrontAddress"]!["languageCode"]!.GetValue<string>());
        Assert.Null(body["storefrontAddress"]!["administrativeArea"]);
        Assert.Null(body["categories"]!["additionalCategories"]);
    }

    [Fact]
    public async Task Field_violations_come_back_on_their_fields_and_a_lost_answer_is_lost()
    {
        var refused = await _client.ValidateAsync("accounts/1", Draft(category: ""), "token", CancellationToken.None);
        _google.LostAnswerDelay = TimeSpan.FromSeconds(4);
        _google.LoseNextCreateAnswers();
        var lost = await ClientWith(_impatient).CreateAsync("accounts/1", Draft(), "req-lost", "token", CancellationToken.None);

        Assert.Equal(GoogleCallOutcome.Rejected, refused.Outcome);
        Assert.Equal(["A primary category is required."], refused.FieldErrors!["location.categories.primary_category"]);
        Assert.Equal(GoogleCallOutcome.Lost, lost.Outcome);
        Assert.Single(_google.Locations);
    }

    [Theory]
    [InlineData("""{"hasVoiceOfMerchant":true,"hasBusinessAuthority":true}""", LocationVerificationState.Verified)]
    [InlineData("""{"verify":{"hasPendingVerification":true}}""", LocationVerificationState.PendingVerification)]
    [InlineData("""{"verify":{}}""", LocationVerificationState.VerificationRequired)]
    [InlineData("""{"waitForVoiceOfMerchant":{}}""", LocationVerificationState.UnderReview)]
    [InlineData("""{"resolveOwnershipConflict":{}}""", LocationVerificationState.OwnershipConflict)]
    [InlineData("""{"complyWithGuidelines":{"recommendationReason":"BUSINESS_LOCATION_SUSPENDED"}}""", LocationVerificationState.GuidelinesIssue)]
    [InlineData("""{}""", LocationVerificationState.Unknown)]
    public void Voice_of_merchant_state_maps_to_the_verification_status(string json, LocationVerificationState expected) =>
        Assert.Equal(expected, GoogleBusinessLocationsClient.VerificationOf(JsonNode.Parse(json)));

    public void Dispose()
    {
        _http.Dispose();
        _impatient.Dispose();
        _google.Dispose();
    }
}
