using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.BrandGuard;

/// <summary>
/// A workspace of two brands: a post of one brand is judged by its brand's documents and rules and the workspace-wide
/// ones, never the other brand's (a price in one brand's list neither supports nor contradicts the other's post).
/// </summary>
public sealed class BrandScopeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string WorkspaceGuide = """
        # House style for all our brands

        ## Words we avoid

        Never use these words in anything we publish:

        - "cheap" (say "affordable")
        """;

    private const string TrailPrices = """
        # Trail Co price list 2026

        | Service | Price |
        | --- | --- |
        | Full service | £119 |
        """;

    private const string CityPrices = """
        # City Co price list 2026

        | Service | Price |
        | --- | --- |
        | Full service | £95 |
        """;

    private const string CityGuide = """
        # City Co guide

        ## Words we avoid

        - "epic"
        """;

    [Fact]
    public async Task A_post_is_judged_by_its_own_brands_documents_and_the_workspaces_never_another_brands()
    {
        var account = await factory.RegisterAsync();
        var trail = await CompanyAsync(account, "Trail Co");
        var city = await CompanyAsync(account, "City Co");
        var workspace = await UploadAsync(account, null, ("house-style.md", WorkspaceGuide));
        var trailPrices = await UploadAsync(account, trail, ("trail-prices.md", TrailPrices));
        var cityPrices = await UploadAsync(account, city, ("city-prices.md", CityPrices));
        await UploadAsync(account, city, ("city-guide.md", CityGuide));
        const string Post = "An epic deal: a full service is £119, not cheap at all.";

        // Trail Co: its own list supports £119 (City Co's £95 does not contradict it), City Co's banned word does not apply, the workspace's does.
        var forTrail = await CheckAsync(account, trail, Post);
        Assert.Empty(Kinds(forTrail, "contradictedClaim"));
        Assert.Empty(Kinds(forTrail, "unsupportedClaim"));
        Assert.DoesNotContain(Kinds(forTrail, "bannedWord"), f => f["excerpt"]!.GetValue<string>() == "epic");
        var cheap = Assert.Single(Kinds(forTrail, "bannedWord"));
        Assert.Equal(workspace, cheap["source"]!["assetId"]!.GetValue<Guid>());

        // City Co: its list contradicts £119 (Trail Co's list does not support it) and its banned word applies.
        var forCity = await CheckAsync(account, city, Post);
        var contradicted = Assert.Single(Kinds(forCity, "contradictedClaim"));
        Assert.Equal(cityPrices, contradicted["source"]!["assetId"]!.GetValue<Guid>());
        Assert.Equal("£95", contradicted["fix"]!["replacement"]!.GetValue<string>());
        Assert.Equal(["cheap", "epic"], Kinds(forCity, "bannedWord").Select(f => f["excerpt"]!.GetValue<string>().ToLowerInvariant()).Order());

        // The other way round: City Co's £95 is contradicted for Trail Co by Trail Co's own list, never supported by City Co's.
        var cityPriceForTrail = Assert.Single(Kinds(await CheckAsync(account, trail, "A full service is £95."), "contradictedClaim"));
        Assert.Equal(trailPrices, cityPriceForTrail["source"]!["assetId"]!.GetValue<Guid>());

        // With several brands, a post with no brand follows the workspace-wide rules and documents alone.
        var none = await CheckAsync(account, null, Post);
        Assert.Empty(Kinds(none, "contradictedClaim"));
        Assert.Single(Kinds(none, "bannedWord"));
    }

    [Fact]
    public async Task The_rules_carry_their_brand_filter_by_brand_and_a_team_rule_can_be_for_one_brand()
    {
        var account = await factory.RegisterAsync();
        var trail = await CompanyAsync(account, "Trail Co");
        var city = await CompanyAsync(account, "City Co");
        await UploadAsync(account, null, ("house-style.md", WorkspaceGuide));
        await UploadAsync(account, city, ("city-guide.md", CityGuide));
        var added = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/rules", new { kind = "bannedWord", term = "rad", companyId = trail });
        await added.EnsureStatusAsync(HttpStatusCode.Created);

        var all = (await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/brand-guard/rules"))!;
        Assert.Null(Term(all, "cheap")["companyId"]?.GetValue<Guid?>());
        Assert.Equal(city, Term(all, "epic")["companyId"]!.GetValue<Guid>());
        Assert.Equal(trail, Term(all, "rad")["companyId"]!.GetValue<Guid>());

        var forTrail = (await account.Client.GetFromJsonAsync<JsonArray>($"/api/v1/brand-guard/rules?companyId={trail}"))!;
        Assert.Contains(forTrail, r => r!["term"]!.GetValue<string>() == "cheap");
        Assert.Contains(forTrail, r => r!["term"]!.GetValue<string>() == "rad");
        Assert.DoesNotContain(forTrail, r => r!["term"]!.GetValue<string>() == "epic");
        Assert.Empty(Kinds(await CheckAsync(account, city, "A rad ride."), "bannedWord"));
        Assert.Single(Kinds(await CheckAsync(account, trail, "A rad ride."), "bannedWord"));

        // Moving a document to another brand in the library moves its rules with it; to every brand, they apply to all.
        var cityGuide = Assert.Single((await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/assets?pageSize=50"))!["items"]!.AsArray(),
            a => a!["name"]!.GetValue<string>().StartsWith("city-guide", StringComparison.Ordinal))!["id"]!.GetValue<Guid>();
        await (await account.Client.PatchAsJsonAsync($"/api/v1/assets/{cityGuide}", new { companyId = trail })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Single(Kinds(await CheckAsync(account, trail, "An epic ride."), "bannedWord"));
        Assert.Empty(Kinds(await CheckAsync(account, city, "An epic ride."), "bannedWord"));
        await (await account.Client.PatchAsJsonAsync($"/api/v1/assets/{cityGuide}", new { everyBrand = true })).EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Single(Kinds(await CheckAsync(account, city, "An epic ride."), "bannedWord"));
        var both = await account.Client.PatchAsJsonAsync($"/api/v1/assets/{cityGuide}", new { companyId = trail, everyBrand = true });
        await both.EnsureStatusAsync(HttpStatusCode.BadRequest);

        var unknown = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/check",
            new { variants = new[] { new { platform = "x", text = "Hi" } }, companyId = Guid.NewGuid() });
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> CompanyAsync(Account account, string name)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/companies", new { name, description = "A bike shop" });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> UploadAsync(Account account, Guid? company, (string Name, string Text) file)
    {
        var response = await account.Client.PostAsync(
            "/api/v1/onboarding/assets/upload" + (company is null ? "" : $"?companyId={company}"), Uploads.Form((file.Name, SampleFiles.Text(file.Text))));
        var id = Assert.Single(await response.AssetIdsAsync());
        Assert.Equal("ready", (await account.WaitProcessedAsync(id, TimeSpan.FromMinutes(3)))["state"]!.GetValue<string>());
        return id;
    }

    private static async Task<JsonObject> CheckAsync(Account account, Guid? company, string text)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/brand-guard/check",
            new { variants = new[] { new { platform = "linkedIn", text } }, tone = false, companyId = company });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<JsonNode> Kinds(JsonObject check, string kind) =>
        check["variants"]![0]!["findings"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == kind).Select(f => f!).ToList();

    private static JsonNode Term(JsonArray rules, string term) =>
        rules.Single(r => r!["term"]!.GetValue<string>() == term)!;
}
