using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;

namespace BrandAutomator.WebApi.Tests.Automation;

/// <summary>
/// Acceptance 3 of issue 8: a location is created through the Business Information API against a fake speaking its
/// wire format: a validate call, then a create with the stored requestId; after a lost answer the retry sends the same
/// requestId and the fake, like Google, returns the location it already made, so there is only ever one.
/// </summary>
public sealed class GoogleBusinessProfileTests(ProfilesFactory factory) : IClassFixture<ProfilesFactory>
{
    private FakeGoogleBusiness Google => factory.Google;

    [Fact]
    public async Task A_retry_after_a_lost_create_answer_sends_the_same_request_id_and_makes_no_second_location()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var connectionId = await ConnectAsync(admin, "accounts/7001");
        var storeCode = "nw-" + Guid.NewGuid().ToString("N")[..8];
        var body = Body(companyId, connectionId, storeCode);
        Google.LoseNextCreateAnswers(1);

        var lost = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", body);

        await lost.EnsureStatusAsync(HttpStatusCode.BadGateway);
        var problem = await lost.ProblemAsync();
        var pending = Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/automation/google-business-profile?companyId={companyId}"))!)!;
        Assert.Equal("unconfirmed", pending["state"]!.GetValue<string>());
        var requestId = pending["requestId"]!.GetValue<string>();
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Contains(requestId, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The fake made the location before the answer was lost.
        Assert.Single(Creates(requestId));
        Assert.Single(Google.Locations.Values, l => l["storeCode"]?.GetValue<string>() == storeCode);

        var retried = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", body);

        await retried.EnsureStatusAsync(HttpStatusCode.Created);
        var location = (await retried.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("created", location["state"]!.GetValue<string>());
        Assert.Equal(requestId, location["requestId"]!.GetValue<string>());
        Assert.Equal(2, location["attempts"]!.GetValue<int>());
        var ours = Google.Locations.Values.Where(l => l["storeCode"]?.GetValue<string>() == storeCode).ToList();
        var only = Assert.Single(ours);
        Assert.Equal(only["name"]!.GetValue<string>(), location["locationName"]!.GetValue<string>());

        // On the wire: validate, create, validate, create; both creates with the same requestId, the validations with none.
        var calls = Google.Requests.Where(r => r.Path == "/v1/accounts/7001/locations").ToList();
        Assert.Equal(["validate", "create", "validate", "create"], calls.Select(c => c.Query.ContainsKey("validateOnly") ? "validate" : "create"));
        Assert.All(calls.Where(c => c.Query.ContainsKey("validateOnly")), c =>
        {
            Assert.Equal("true", c.Query["validateOnly"]);
            Assert.False(c.Query.ContainsKey("requestId"));
        });
        Assert.Equal([requestId, requestId], Creates(requestId).Select(c => c.Query["requestId"]));
        Assert.All(calls, c => Assert.Equal("gbp-token", c.AccessToken));
        Assert.All(calls, c => Assert.Equal(calls[0].Body, c.Body));

        var sent = JsonNode.Parse(calls[0].Body)!;
        Assert.Equal("Northwind Coffee", sent["title"]!.GetValue<string>());
        Assert.Equal("en", sent["languageCode"]!.GetValue<string>());
        Assert.Equal("categories/gcid:coffee_shop", sent["categories"]!["primaryCategory"]!["name"]!.GetValue<string>());
        Assert.Equal("categories/gcid:cafe", sent["categories"]!["additionalCategories"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("US", sent["storefrontAddress"]!["regionCode"]!.GetValue<string>());
        Assert.Equal("1 Market Street", sent["storefrontAddress"]!["addressLines"]![0]!.GetValue<string>());
        Assert.Equal("San Francisco", sent["storefrontAddress"]!["locality"]!.GetValue<string>());
        Assert.Equal("+1 415 555 0100", sent["phoneNumbers"]!["primaryPhone"]!.GetValue<string>());
        Assert.Equal("https://northwind.example", sent["websiteUri"]!.GetValue<string>());
        var description = sent["profile"]!["description"]!.GetValue<string>();
        Assert.StartsWith("Single-origin beans", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 750);
        Assert.Null(sent["serviceArea"]);

        // Verification status from the Verifications API; the fake says the location must still be verified.
        Assert.Equal("verificationRequired", location["verification"]!.GetValue<string>());
        Assert.Contains(Google.Requests, r => r.Method == "GET" && r.Path == $"/v1/{only["name"]!.GetValue<string>()}/VoiceOfMerchantState");

        // A third request does not create another: the company has its location.
        var again = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", body);
        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, Creates(requestId).Count);
    }

    [Fact]
    public async Task Verification_is_tracked_and_can_be_refreshed()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var connectionId = await ConnectAsync(admin, "accounts/7002/locations/1");
        var created = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", new
        {
            companyId,
            connectionId,
            serviceArea = new[] { new { placeName = "San Francisco, CA, USA", placeId = "ChIJIQBpAG2ahYAR_6128GcTUEo" } },
            regionCode = "US",
            primaryCategory = "categories/gcid:coffee_shop",
        });
        await created.EnsureStatusAsync(HttpStatusCode.Created);
        var location = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var sent = JsonNode.Parse(Google.Requests.Last(r => r.Path == "/v1/accounts/7002/locations").Body)!;
        Assert.Equal("CUSTOMER_LOCATION_ONLY", sent["serviceArea"]!["businessType"]!.GetValue<string>());
        Assert.Equal("US", sent["serviceArea"]!["regionCode"]!.GetValue<string>());
        Assert.Equal("San Francisco, CA, USA", sent["serviceArea"]!["places"]!["placeInfos"]![0]!["placeName"]!.GetValue<string>());
        Assert.Null(sent["storefrontAddress"]);

        Google.VoiceOfMerchantState = """{"hasVoiceOfMerchant":true,"hasBusinessAuthority":true}""";
        var refreshed = await admin.Client.PostAsync($"/api/v1/automation/google-business-profile/{location["id"]}/verification", null);

        await refreshed.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("verified", (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["verification"]!.GetValue<string>());
        var fetched = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/automation/google-business-profile/{location["id"]}"))!;
        Assert.Equal("verified", fetched["verification"]!.GetValue<string>());
        Assert.Equal("created", fetched["state"]!.GetValue<string>());
        Google.VoiceOfMerchantState = """{"hasVoiceOfMerchant":false,"hasBusinessAuthority":false,"verify":{"hasPendingVerification":false}}""";
    }

    [Fact]
    public async Task Bad_details_are_refused_on_their_fields_and_nothing_is_sent()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var connectionId = await ConnectAsync(admin, "accounts/7003");
        var before = Google.Requests.Count(r => r.Path == "/v1/accounts/7003/locations");

        var response = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", new
        {
            companyId, connectionId, primaryCategory = "coffee shop", phone = "call us", account = "7003",
        });
        var unknownConnection = await admin.Client.PostAsJsonAsync("/api/v1/automation/google-business-profile", Body(companyId, Guid.NewGuid()));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("primaryCategory"));
        Assert.True(errors.ContainsKey("phone"));
        Assert.True(errors.ContainsKey("account"));
        Assert.True(errors.ContainsKey("address"));
        await unknownConnection.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, Google.Requests.Count(r => r.Path == "/v1/accounts/7003/locations"));
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/automation/google-business-profile?companyId={companyId}"))!);
    }

    private List<FakeGoogleRequest> Creates(string requestId) =>
        Google.Requests.Where(r => r.Query.TryGetValue("requestId", out var id) && id == requestId).ToList();

    private static object Body(Guid companyId, Guid connectionId, string? storeCode = null) => new
    {
        companyId,
        connectionId,
        address = new { regionCode = "US", postalCode = "94105", administrativeArea = "CA", locality = "San Francisco", addressLines = new[] { "1 Market Street" } },
        primaryCategory = "categories/gcid:coffee_shop",
        additionalCategories = new[] { "categories/gcid:cafe" },
        phone = "+1 415 555 0100",
        storeCode,
    };

    private static async Task<Guid> ConnectAsync(Account admin, string account)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/social/connections",
            new { platform = "googleBusiness", externalAccountId = account, displayName = "Northwind on Google", accessToken = "gbp-token" });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
