using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;

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
}
