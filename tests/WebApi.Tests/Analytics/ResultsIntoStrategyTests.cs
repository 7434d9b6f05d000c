using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;
using BrandAutomator.WebApi.Tests.Billing;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// The strategist and the drafts use the workspace's own results as cited facts, computed from the stored metrics in the
/// workspace's zone, offline: the best posts of the month asked, the patterns the better posts share, and no guess at all
/// when there are no results.
/// </summary>
public sealed class ResultsIntoStrategyTests(InsightsFactory factory) : IClassFixture<InsightsFactory>
{
    private static DateTimeOffset Berlin(int month, int day, int hour) =>
        new DateTimeOffset(2026, month, day, hour, 0, 0, InsightsFactory.Berlin.GetUtcOffset(new DateTime(2026, month, day, hour, 0, 0))).ToUniversalTime();

    /// <summary>October on LinkedIn: three posts with images did well, two text-only posts with hashtags did not; a big September post and an X post besides.</summary>
    private async Task SeedAutumnAsync(Account admin, Guid? brand = null)
    {
        await factory.ResultAsync(admin, "linkedIn", "Roastery tour", "Step inside our roastery this week.", Berlin(10, 6, 9), 1240, 50, 10, 4, 12, image: true, brand: brand);
        await factory.ResultAsync(admin, "linkedIn", "Harvest notes", "Notes from the Huila harvest.", Berlin(10, 13, 9), 980, 30, 6, 2, 6, image: true, brand: brand);
        await factory.ResultAsync(admin, "linkedIn", "Brew guide", "Our pour-over guide, step by step.", Berlin(10, 20, 9), 900, 20, 5, 2, 5, image: true, brand: brand);
        await factory.ResultAsync(admin, "linkedIn", "Price update", "New prices from November. #coffee #news", Berlin(10, 15, 16), 1100, 8, 1, 0, 3, brand: brand);
        await factory.ResultAsync(admin, "linkedIn", "Holiday hours", "Our opening hours over the holidays. #coffee", Berlin(10, 22, 16), 700, 5, 1, 0, 1, brand: brand);
        await factory.ResultAsync(admin, "linkedIn", "September launch", "Our autumn blend is here.", Berlin(9, 15, 9), 5000, 300, 60, 20, 20, image: true, brand: brand);
        await factory.ResultAsync(admin, "x", "X thread", "A thread on water temperature.", Berlin(10, 7, 9), 3000, 150, 20, 20, 10, brand: brand);
    }

    [Fact]
    public async Task Which_linkedin_posts_did_best_in_october_is_answered_from_the_stored_metrics_with_a_results_citation()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        await SeedAutumnAsync(admin);

        var events = await admin.ChatAsync(new { message = "Which of our LinkedIn posts did best in October?" });
        var answer = events.Answer();

        // The three best of October on LinkedIn, best first, with their numbers as stored: 76 engagements on 1,240 impressions is 6.1%.
        var tour = answer.IndexOf("“Roastery tour”", StringComparison.Ordinal);
        var harvest = answer.IndexOf("“Harvest notes”", StringComparison.Ordinal);
        var guide = answer.IndexOf("“Brew guide”", StringComparison.Ordinal);
        Assert.True(tour >= 0 && tour < harvest && harvest < guide, answer);
        Assert.True(answer.Contains("1,240 impressions, 76 engagements (6.1% engagement rate)", StringComparison.Ordinal), answer);
        Assert.True(answer.Contains("Tue 6 Oct 09:00", StringComparison.Ordinal), answer);
        Assert.True(answer.Contains("5 posts published", StringComparison.Ordinal), answer);
        // Posts with images: 152 engagements on 3,120 impressions (4.9%); text-only: 19 on 1,800 (1.1%).
        Assert.True(answer.Contains("Posts with an image or video: 4.9% engagement rate, against 1.1% for text-only posts (3 and 2 posts).", StringComparison.Ordinal), answer);
        Assert.DoesNotContain("September launch", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("X thread", answer, StringComparison.Ordinal);

        Assert.True(events.Count(e => e.Name == "citation" && e.Data["kind"]?.GetValue<string>() == "results") == 1, string.Join("\n", events.Select(e => e.Name + " " + e.Data.ToJsonString())));
        var citation = events.Single(e => e.Name == "citation" && e.Data["kind"]?.GetValue<string>() == "results").Data;
        Assert.Equal("LinkedIn post results, Oct 2026", citation["assetName"]!.GetValue<string>());
        Assert.Equal("/app/analytics?from=2026-10-01&to=2026-10-31&platform=linkedIn", citation["link"]!.GetValue<string>());
        Assert.Contains($"[{citation["marker"]!.GetValue<int>()}]", answer, StringComparison.Ordinal);

        // Kept with the answer, so the session shows the same citation later.
        var session = events.First(e => e.Name == "session").Data["sessionId"]!.GetValue<Guid>();
        var messages = await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/ai/sessions/{session}/messages");
        var saved = messages!.SelectMany(m => m!["citations"]!.AsArray()).Single(c => c!["kind"]?.GetValue<string>() == "results")!;
        Assert.Equal("LinkedIn post results, Oct 2026", saved["assetName"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_to_post_more_of_names_the_patterns_of_the_better_posts_and_a_documents_question_reads_no_metrics()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        await SeedAutumnAsync(admin);

        var events = await admin.ChatAsync(new { message = "What should we post more of?" });
        var answer = events.Answer();

        // The last 90 days, every network: the September post is in, and the advice follows the numbers.
        // Over the last 90 days on every network: hashtags did worse, Tuesdays and images better, as the numbers say.
        Assert.True(answer.Contains("Post results, 13 August – 10 November 2026 (times in Europe/Berlin)", StringComparison.Ordinal), answer);
        Assert.True(answer.Contains("- Posts with hashtags: 1.1% engagement rate, against 6.8% for posts without hashtags (2 and 5 posts).", StringComparison.Ordinal), answer);
        Assert.True(answer.Contains("- To do more of what worked: leave hashtags out; post on Tuesdays; add an image or video.", StringComparison.Ordinal), answer);
        Assert.True(answer.Contains("“September launch”", StringComparison.Ordinal), answer);
        var citation = Assert.Single(events, e => e.Name == "citation").Data;
        Assert.Equal("Post results, last 90 days", citation["assetName"]!.GetValue<string>());

        var other = await admin.ChatAsync(new { message = "What tone of voice should our captions have?" });
        Assert.DoesNotContain(other, e => e.Name == "citation" && e.Data["kind"]?.GetValue<string>() == "results");
        Assert.DoesNotContain("impressions", other.Answer(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_results_the_strategist_says_it_has_none_and_guesses_no_number()
    {
        var admin = await factory.BerlinWorkspaceAsync();

        var events = await admin.ChatAsync(new { message = "Which of our LinkedIn posts did best in October?" });
        var answer = events.Answer();

        Assert.True(answer.Contains("There are no post results on LinkedIn for 1–31 October 2026 yet", StringComparison.Ordinal), answer);
        Assert.DoesNotContain(events, e => e.Name == "citation");
        Assert.DoesNotMatch(@"\d+(\.\d)?%", answer);
        Assert.DoesNotContain("documents do not cover", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_drafts_lean_on_what_did_best_and_say_which_pattern_they_follow()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var brand = await admin.CreateBrandAsync();
        await SeedAutumnAsync(admin, brand);

        var response = await admin.Client.PostAsJsonAsync("/api/v1/ai/generate-posts",
            new { companyId = brand, platforms = new[] { "linkedIn" }, topic = "Our winter roast", count = 2 });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var drafts = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var performance = drafts["performance"]!.GetValue<string>();
        Assert.True(performance.StartsWith("These drafts lean on what did best in your LinkedIn posts of the last 90 days: post on Tuesdays", StringComparison.Ordinal), performance);
        Assert.True(performance.Contains("add an image or video (posts with an image or video: 6.8% engagement rate, against 1.1%)", StringComparison.Ordinal), performance);
        var source = drafts["sources"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "results")!;
        Assert.Equal("LinkedIn post results, last 90 days", source["assetName"]!.GetValue<string>());
        // Posts without hashtags did better, so the offline drafts carry none.
        foreach (var draft in drafts["platforms"]![0]!["drafts"]!.AsArray())
        {
            Assert.DoesNotContain("#", draft!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_brand_strategy_says_what_the_brands_own_results_show_and_recommends_from_them_citing_them()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var brand = await admin.CreateBrandAsync();
        await SeedAutumnAsync(admin, brand);
        await factory.ResultAsync(admin, "x", "Cold brew thread", "Cold brew, step by step.", Berlin(10, 8, 9), 2000, 150, 20, 20, 10, brand: brand);
        // Another brand's post and a post of no brand: not this brand's results.
        var other = await OtherBrandAsync(admin);
        await factory.ResultAsync(admin, "linkedIn", "Tea tasting", "Our first tea tasting.", Berlin(10, 9, 9), 9000, 900, 90, 90, 90, image: true, brand: other);
        await factory.ResultAsync(admin, "linkedIn", "Workspace note", "A note from the team.", Berlin(10, 10, 9), 7000, 700, 70, 70, 70);

        var version = await GenerateStrategyAsync(admin, brand);
        var strategy = version["strategy"]!;
        var results = strategy["results"]!;
        var findings = Lines(results["findings"]);
        var recommendations = Lines(results["recommendations"]);

        // The last 90 days up to Tuesday 10 November 2026 in Berlin, this brand only: 6 LinkedIn posts (571 engagements on
        // 9,920 impressions) and 2 on X (400 on 5,000), hashtags on 2 posts (19 on 1,800) against 952 on 13,120 without.
        Assert.Equal("13 August – 10 November 2026", results["period"]!.GetValue<string>());
        Assert.Equal("In the last 90 days (13 August – 10 November 2026), 8 posts went out: 14,920 impressions, 971 engagements (6.5% engagement rate) and 67 clicks.", findings[0]);
        Assert.Equal("Engagement rate by network: X 8.0% (2 posts, 5,000 impressions); LinkedIn 5.8% (6 posts, 9,920 impressions).", findings[1]);
        Assert.Equal("Best post: “September launch” on LinkedIn, Tue 15 Sep 09:00: 5,000 impressions, 400 engagements (8.0% engagement rate), 20 clicks.", findings[2]);
        Assert.Contains("Posts with hashtags: 1.1% engagement rate, against 7.3% for posts without hashtags (2 and 6 posts).", findings);
        Assert.Equal("Give X the larger share of your posts: its 8.0% engagement rate over 2 posts is the best of your networks (against 5.8% on LinkedIn).", recommendations[0]);
        Assert.Contains("Leave hashtags out: posts with hashtags had a 1.1% engagement rate, against 7.3% for the rest.", recommendations);
        Assert.Contains(recommendations, r => r.StartsWith("Schedule posts first for Tuesday at 09:00", StringComparison.Ordinal) && r.Contains("(Europe/Berlin time)", StringComparison.Ordinal));
        Assert.Equal("Keep at least your current pace of about 3 posts a month (you published 8 posts in these 90 days), so that the next results confirm or correct these findings.", recommendations[^1]);
        var json = strategy.ToJsonString();
        Assert.DoesNotContain("Tea tasting", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Workspace note", json, StringComparison.Ordinal);

        // Cited as the strategist cites results: the analytics page of the period, for this brand.
        var citation = strategy["sources"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "results")!;
        Assert.Equal(results["source"]!.GetValue<int>(), citation["marker"]!.GetValue<int>());
        Assert.Equal("Post results, last 90 days", citation["assetName"]!.GetValue<string>());
        Assert.Equal($"/app/analytics?from=2026-08-13&to=2026-11-10&companyId={brand}", citation["link"]!.GetValue<string>());
        Assert.Contains("8 posts published: 14,920 impressions", citation["snippet"]!.GetValue<string>(), StringComparison.Ordinal);

        // Kept with the version, and an edit leaves the measured results as they were.
        var edited = strategy.DeepClone().AsObject();
        edited["vision"] = "Great coffee at every desk";
        edited["results"] = new JsonObject { ["period"] = "All time", ["findings"] = new JsonArray("We went viral."), ["recommendations"] = new JsonArray(), ["source"] = 1 };
        var put = await admin.Client.PutAsJsonAsync($"/api/v1/ai/brand-strategies/{version["id"]}", edited);
        await put.EnsureStatusAsync(HttpStatusCode.OK);
        var saved = (await put.Content.ReadFromJsonAsync<JsonObject>())!["strategy"]!;
        Assert.Equal("Great coffee at every desk", saved["vision"]!.GetValue<string>());
        Assert.Equal(findings, Lines(saved["results"]!["findings"]));
    }

    [Fact]
    public async Task A_brand_without_results_gets_a_strategy_that_says_nothing_about_results_even_when_another_brand_has_some()
    {
        var admin = await factory.BerlinWorkspaceAsync();
        var measured = await admin.CreateBrandAsync();
        await SeedAutumnAsync(admin, measured);
        var brand = await OtherBrandAsync(admin);

        var strategy = (await GenerateStrategyAsync(admin, brand))["strategy"]!;

        Assert.Null(strategy["results"]);
        Assert.DoesNotContain(strategy["sources"]?.AsArray() ?? [], c => c!["kind"]!.GetValue<string>() == "results");
        var json = strategy.ToJsonString();
        Assert.DoesNotContain("engagement", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("impressions", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\d+(\.\d)?%", json);
    }

    private static async Task<Guid> OtherBrandAsync(Account admin)
    {
        var response = await admin.CreateBrandAsync("Southwind Tea");
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> GenerateStrategyAsync(Account admin, Guid brand)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/ai/generate-brand-strategy", new { companyId = brand });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Lines(JsonNode? array) => array!.AsArray().Select(l => l!.GetValue<string>()).ToList();
}
