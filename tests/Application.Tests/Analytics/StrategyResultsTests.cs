using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Tests.Analytics;

public class StrategyResultsTests
{
    private static readonly ResultsPeriod Recent = ResultsPeriod.Recent(new DateOnly(2026, 11, 10));

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    private static ResultPost Post(string title, string text, int day, long impressions, long engagements, long clicks = 0,
        SocialPlatform platform = SocialPlatform.LinkedIn, bool media = false)
    {
        var local = new DateTimeOffset(2026, 11, day, 9, 0, 0, Cet);
        return new ResultPost(Guid.NewGuid(), title, platform, local.ToUniversalTime(), local, impressions, engagements, clicks, PostPatterns.Format(text, media ? 1 : 0));
    }

    private static PostResultsSummary Summary(int published, IReadOnlyList<ResultPost> posts, params PostingTimeSuggestion[] times) =>
        new(Recent, null, Guid.NewGuid(), "Europe/Berlin", published, posts, PostPatterns.Find(posts), times);

    private static BrandStrategy Strategy() =>
        new("Vision", "Mission", [new BrandValue("Craft", "Small batches")], "Positioning", new VoiceGuidelines("Warm", [], []), ["Tagline"]);

    [Fact]
    public void One_post_with_metrics_reads_in_the_singular_and_asks_for_more_results_rather_than_naming_a_pattern()
    {
        var summary = Summary(2, [Post("Roastery tour", "Step inside our roastery.", 3, 1240, 76, 12)], new PostingTimeSuggestion(DayOfWeek.Tuesday, 9, 1, 1));

        var results = StrategyResultsText.Section(summary, 3)!;

        Assert.Equal("13 August – 10 November 2026", results.Period);
        Assert.Equal(3, results.Source);
        Assert.Equal(
        [
            "In the last 90 days (13 August – 10 November 2026), 2 posts went out, 1 with metrics so far: 1,240 impressions, 76 engagements (6.1% engagement rate) and 12 clicks.",
            "The one post with metrics: “Roastery tour” on LinkedIn, Tue 3 Nov 09:00: 1,240 impressions, 76 engagements (6.1% engagement rate), 12 clicks.",
            "The hour whose posts drew the most engagement (Europe/Berlin time): Tuesday 09:00 (1 post).",
        ], results.Findings);
        Assert.Equal(
        [
            "Schedule posts first for Tuesday at 09:00 (Europe/Berlin time), when your posts drew the most engagement.",
            "Keep publishing and draft the strategy again when more posts have metrics: 1 post with metrics is too few to tell which kind of post does better.",
        ], results.Recommendations);
    }

    [Fact]
    public void Posts_without_metrics_yet_make_no_results_part()
    {
        Assert.Null(StrategyResultsText.Section(Summary(3, []), 1));
    }

    [Fact]
    public void A_long_hashtag_cannot_push_a_line_over_what_a_strategy_takes()
    {
        var tag = "#" + new string('x', 450);
        var summary = Summary(4,
        [
            Post("One", $"Tagged {tag}", 2, 1000, 90), Post("Two", $"Tagged too {tag}", 4, 1000, 80),
            Post("Three", "Untagged", 5, 1000, 10), Post("Four", "Untagged too", 6, 1000, 12),
        ]);

        var results = StrategyResultsText.Section(summary, 1)!;

        Assert.All(results.Findings.Concat(results.Recommendations), l => Assert.InRange(l.Length, 1, StrategyResults.MaxLineLength));
        Assert.Contains(results.Findings, l => l.StartsWith("Posts tagged #xxx", StringComparison.Ordinal) && l.EndsWith('…'));
        Assert.Equal("Keep at least your current pace of about 1 post a month (you published 4 posts in these 90 days), so that the next results confirm or correct these findings.",
            results.Recommendations[^1]);
    }

    [Fact]
    public void A_network_is_named_the_one_to_favour_only_when_it_is_clearly_ahead_with_enough_posts()
    {
        ResultPost[] clear = [Post("A", "a", 2, 1000, 80, platform: SocialPlatform.X), Post("B", "b", 3, 1000, 80, platform: SocialPlatform.X),
            Post("C", "c", 4, 1000, 40), Post("D", "d", 5, 1000, 40)];
        ResultPost[] close = [Post("A", "a", 2, 1000, 45, platform: SocialPlatform.X), Post("B", "b", 3, 1000, 45, platform: SocialPlatform.X),
            Post("C", "c", 4, 1000, 40), Post("D", "d", 5, 1000, 40)];

        var favoured = StrategyResultsText.Recommendations(Summary(4, clear));
        var even = StrategyResultsText.Recommendations(Summary(4, close));

        Assert.Equal("Give X the larger share of your posts: its 8.0% engagement rate over 2 posts is the best of your networks (against 4.0% on LinkedIn).", favoured[0]);
        Assert.DoesNotContain(even, r => r.StartsWith("Give ", StringComparison.Ordinal));
        Assert.Contains("Engagement rate by network: X 4.5% (2 posts, 2,000 impressions); LinkedIn 4.0% (2 posts, 2,000 impressions).", StrategyResultsText.Findings(Summary(4, close)));
    }

    [Fact]
    public void A_models_results_part_keeps_only_lines_whose_figures_the_results_give_and_falls_back_to_the_computed_part()
    {
        var summary = Summary(1, [Post("Roastery tour", "Step inside our roastery.", 3, 1240, 76, 12)]);
        var passage = PostResults.Passage(summary, 2);
        var document = new GroundingPassage(1, Guid.NewGuid(), "Brand guide.pdf", Guid.NewGuid(), 1, "Our values: craft.");
        var brief = new StrategyBrief(new BrandProfile(Guid.NewGuid(), "Northwind", null, null, null, null, null, null, null, null, [], null),
            [document, passage], new ResultsBrief(2, summary));
        var drafted = Strategy() with
        {
            Sources = [document.Cite("Our values: craft.")],
            Results = new StrategyResults("whenever", ["“Roastery tour” drew 76 engagements (6.1% engagement rate).", "Reels reach 38% more people."],
                ["Post 17 times a week.", "Show the roastery."], 2),
        };

        var kept = StrategyResultsGrounding.Apply(drafted, brief).Checked();

        Assert.Equal(summary.Period.Span, kept.Results!.Period);
        Assert.Equal(["“Roastery tour” drew 76 engagements (6.1% engagement rate)."], kept.Results.Findings);
        Assert.Equal(["Show the roastery."], kept.Results.Recommendations);
        Assert.Equal([1, 2], kept.Sources!.Select(s => s.Marker));
        Assert.Equal(ChatCitation.ResultsKind, kept.Sources![1].Kind);
        Assert.Equal(summary.Period.Link(null, summary.CompanyId), kept.Sources[1].Link);

        // Citing another passage, or quoting nothing the results bear out: the computed part instead.
        var computed = StrategyResultsText.Section(summary, 2)!;
        var elsewhere = StrategyResultsGrounding.Apply(drafted with { Results = drafted.Results! with { Source = 1 } }, brief).Results!;
        Assert.Equal(computed.Findings, elsewhere.Findings);
        Assert.Equal(computed.Recommendations, elsewhere.Recommendations);
        Assert.Equal(computed.Findings, StrategyResultsGrounding.Apply(drafted with { Results = drafted.Results! with { Findings = ["Up 300%."] } }, brief).Results!.Findings);
        Assert.Equal(computed.Findings, StrategyResultsGrounding.Apply(drafted with { Results = null }, brief).Results!.Findings);

        // With no results given, no results part and no results citation, whatever the draft says.
        var none = StrategyResultsGrounding.Apply(drafted with { Sources = [.. drafted.Sources!, passage.Cite("1,240 impressions")] }, brief with { Results = null });
        Assert.Null(none.Results);
        Assert.Equal([1], none.Sources!.Select(s => s.Marker));
    }

    [Fact]
    public void A_results_part_needs_its_results_citation_and_an_edit_keeps_the_measured_results()
    {
        var summary = Summary(1, [Post("Roastery tour", "Step inside our roastery.", 3, 1240, 76, 12)]);
        var results = StrategyResultsText.Section(summary, 1)!;

        var refused = Assert.Throws<DomainRuleException>(() => (Strategy() with { Results = results }).Checked());
        Assert.Equal("results", refused.Field);

        var strategy = Strategy() with { Results = results, Sources = [PostResults.Passage(summary, 1).Cite("1,240 impressions")] };
        var version = BrandStrategyVersion.Generated(Guid.NewGuid(), 1, strategy, "offline", "offline", "hash", Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        version.Edit(strategy with { Vision = "Edited", Results = results with { Findings = ["We went viral."] }, Sources = null }, DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.Equal("Edited", version.Strategy.Vision);
        Assert.Equal(results.Findings, version.Strategy.Results!.Findings);
    }
}
