using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandAutomator.Infrastructure.Ai;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;
using BrandAutomator.WebApi.Tests.Billing;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>The analytics API with its clock pinned, configured for Gemini and talking to a local fake Gemini.</summary>
public sealed class GeminiInsightsFactory : InsightsFactory
{
    public FakeGemini Gemini { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Gemini = await FakeGemini.StartAsync();
        WithSetting("Ai:Provider", "Gemini");
        WithSetting("Ai:ApiKey", GeminiApiFactory.ApiKey);
        WithSetting("Ai:Model", "gemini-test");
        WithSetting("Ai:BaseUrl", Gemini.Url);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Gemini.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// A model drafting the strategy gets the brand's results as one more numbered passage, named in the request; what it
/// writes about them is kept only as far as that passage bears it out, and nothing about results is kept for a brand
/// that has none.
/// </summary>
public sealed partial class ResultsIntoStrategyModelTests(GeminiInsightsFactory factory) : IClassFixture<GeminiInsightsFactory>
{
    private static DateTimeOffset Berlin(int month, int day, int hour) =>
        new DateTimeOffset(2026, month, day, hour, 0, 0, InsightsFactory.Berlin.GetUtcOffset(new DateTime(2026, month, day, hour, 0, 0))).ToUniversalTime();

    [Fact]
    public async Task The_model_gets_the_results_as_a_numbered_passage_and_only_findings_the_passage_bears_out_are_kept()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var brand = await admin.CreateBrandAsync();
        await factory.ResultAsync(admin, "linkedIn", "Roastery tour", "Step inside our roastery this week.", Berlin(10, 6, 9), 1240, 50, 10, 4, 12, image: true, brand: brand);
        await factory.ResultAsync(admin, "x", "X thread", "A thread on water temperature.", Berlin(10, 7, 9), 3000, 150, 20, 20, 10, brand: brand);
        factory.Gemini.Reset();
        factory.Gemini.Answer = body =>
        {
            var number = int.Parse(ResultsPassage().Match(UserTurn(body)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Strategy(new JsonObject
            {
                ["findings"] = new JsonArray(
                    "“Roastery tour” drew 76 engagements from 1,240 impressions (6.1% engagement rate).",
                    "Reels reach 38% more people than photos.",
                    "X had a 6.7% engagement rate."),
                ["recommendations"] = new JsonArray("Keep the behind-the-scenes posts coming on LinkedIn.", "Post 17 times a week."),
                ["passages"] = new JsonArray(number),
            }, passages: new JsonArray(number, 42)).ToJsonString();
        };

        var response = await admin.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = brand });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var strategy = (await response.Content.ReadFromJsonAsync<JsonObject>())!["strategy"]!;
        var (_, _, request) = Assert.Single(factory.Gemini.Requests);
        var user = UserTurn(request);
        var number = int.Parse(ResultsPassage().Match(user).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The results travel inside the quoted data as passage [number], computed in the workspace's zone; the request names it.
        var quoted = user[user.IndexOf(Prompts.QuotedDataStart, StringComparison.Ordinal)..user.IndexOf(Prompts.QuotedDataEnd, StringComparison.Ordinal)];
        Assert.Equal(1, number);
        Assert.Contains("\"document\": \"Post results, last 90 days\"", quoted, StringComparison.Ordinal);
        Assert.Contains("Post results, 13 August – 10 November 2026 (times in Europe/Berlin)", quoted, StringComparison.Ordinal);
        Assert.Contains("By network: X 6.7% engagement rate (1 post, 3,000 impressions, 200 engagements); LinkedIn 6.1% engagement rate", quoted, StringComparison.Ordinal);
        Assert.Contains($"Passage [{number}] holds the company's post results for 13 August – 10 November 2026", user[quoted.Length..], StringComparison.Ordinal);
        Assert.Contains("never estimating or inventing one", request["systemInstruction"]!["parts"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The invented figures are gone; the quoted ones and the advice stay, citing the results.
        var results = strategy["results"]!;
        Assert.Equal(["“Roastery tour” drew 76 engagements from 1,240 impressions (6.1% engagement rate).", "X had a 6.7% engagement rate."],
            results["findings"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["Keep the behind-the-scenes posts coming on LinkedIn."], results["recommendations"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(number, results["source"]!.GetValue<int>());
        // Passage 42 was never given: no citation of it.
        var sources = strategy["sources"]!.AsArray();
        var citation = Assert.Single(sources)!;
        Assert.Equal(number, citation["marker"]!.GetValue<int>());
        Assert.Equal("results", citation["kind"]!.GetValue<string>());
        Assert.Equal($"/app/analytics?from=2026-08-13&to=2026-11-10&companyId={brand}", citation["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_results_part_not_citing_the_results_gives_way_to_the_computed_one_and_a_brand_without_results_keeps_none()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var brand = await admin.CreateBrandAsync();
        await factory.ResultAsync(admin, "linkedIn", "Roastery tour", "Step inside our roastery this week.", Berlin(10, 6, 9), 1240, 50, 10, 4, 12, image: true, brand: brand);
        factory.Gemini.Reset();
        factory.Gemini.GenerateText = Strategy(new JsonObject
        {
            ["findings"] = new JsonArray("Your posts did great."),
            ["recommendations"] = new JsonArray("Post more."),
            ["passages"] = new JsonArray(7),
        }).ToJsonString();

        var response = await admin.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = brand });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["strategy"]!["results"]!;
        Assert.Equal("In the last 90 days (13 August – 10 November 2026), 1 post went out: 1,240 impressions, 76 engagements (6.1% engagement rate) and 12 clicks.",
            results["findings"]![0]!.GetValue<string>());
        Assert.Equal("Keep publishing and draft the strategy again when more posts have metrics: 1 post with metrics is too few to tell which kind of post does better.",
            results["recommendations"]!.AsArray()[^1]!.GetValue<string>());

        // A brand with no results: the request carries none, and a results part the model writes anyway is dropped.
        var other = await admin.CreateBrandAsync("Southwind Tea");
        await other.EnsureStatusAsync(HttpStatusCode.Created);
        var otherId = (await other.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        factory.Gemini.Reset();
        factory.Gemini.GenerateText = Strategy(new JsonObject
        {
            ["findings"] = new JsonArray("Your posts reach 1,240 people."),
            ["recommendations"] = new JsonArray("Post more."),
            ["passages"] = new JsonArray(1),
        }, passages: new JsonArray(1)).ToJsonString();

        response = await admin.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = otherId });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var strategy = (await response.Content.ReadFromJsonAsync<JsonObject>())!["strategy"]!;
        Assert.Null(strategy["results"]);
        Assert.Empty(strategy["sources"]!.AsArray());
        var (_, _, request) = Assert.Single(factory.Gemini.Requests);
        Assert.DoesNotContain("post results", UserTurn(request), StringComparison.OrdinalIgnoreCase);
    }

    private static JsonObject Strategy(JsonObject results, JsonArray? passages = null) => new()
    {
        ["vision"] = "Every home kitchen a great café",
        ["mission"] = "Roast to order and teach people to brew",
        ["values"] = new JsonArray(new JsonObject { ["name"] = "Freshness", ["description"] = "Shipped within 48 hours of roasting" }),
        ["positioningStatement"] = "For remote workers who brew at home, Northwind is the roaster that ships beans at their peak.",
        ["voiceGuidelines"] = new JsonObject { ["tone"] = "Warm and precise", ["do"] = new JsonArray("Use numbers"), ["avoid"] = new JsonArray("Jargon") },
        ["taglines"] = new JsonArray("Peak flavour, at home"),
        ["passages"] = passages ?? new JsonArray(),
        ["results"] = results,
    };

    private static string UserTurn(JsonObject body) => body["contents"]!.AsArray()[^1]!["parts"]![0]!["text"]!.GetValue<string>();

    [GeneratedRegex(@"Passage \[(\d+)\] holds the company's post results")]
    private static partial Regex ResultsPassage();
}
