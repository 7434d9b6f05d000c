using System.Text.RegularExpressions;
using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Onboarding;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Ai.Offline;

namespace BrandAutomator.Infrastructure.Tests.Ai;

/// <summary>
/// Offline profile texts and strategies over companies unlike each other (industries, long and short names, names with
/// "&amp;", full and sparse profiles): every text fits its network's limit by whole sentences or clauses, reads as
/// sentences, and says nothing twice.
/// </summary>
public sealed partial class OfflineProfileTextTests
{
    public static TheoryData<string> Companies() => new(Profiles.Keys);

    private static readonly Dictionary<string, BrandProfile> Profiles = new()
    {
        ["roaster"] = Profile(
            "Northwind Coffee Roasters & Co", "Food & Beverage",
            "Small-batch specialty coffee roaster in Oslo, roasting to order for home baristas and cafés. Every bag is roasted the week it ships.",
            "Home baristas and independent cafés", "Supermarket coffee is stale by the time it is brewed", mission: null,
            values: ["Craft", "Freshness", "Fair trade"]),
        ["long name"] = Profile(
            "The Association of Independent Bookshops and Literary Cafés of Northern England and the Scottish Borders", "Retail",
            "We are a network of more than ninety independent bookshops and literary cafés across the north of England and the Scottish " +
            "Borders, sharing buying power, events and know-how so that every member can keep its doors open; our members host readings, " +
            "book clubs and school visits all year round. We also run a shared online shop.",
            "Readers who love their local bookshop", "Independent bookshops struggle against online giants",
            mission: "Keep independent bookshops open in every town.", values: ["Community", "Independence"]),
        ["short name"] = Profile("Qi", "Healthcare", null, "busy parents", null, mission: null, values: []),
        ["ampersand trade"] = Profile(
            "Smith & Sons", "Plumbing Services", null, null, "Leaks that nobody fixes on a weekend",
            mission: "Fix every leak in Leeds the day it is reported, weekends included.", values: ["Reliability", "Honesty"]),
        ["one long sentence"] = Profile(
            "Ada Labs", "B2B SaaS",
            "Ada Labs builds scheduling software for hospital wards, replacing paper rotas and spreadsheets with a planner that respects " +
            "working-time rules, staff preferences, skill mix and the budget agreed with finance, and that nurses can use on any phone",
            "Ward managers in NHS hospitals", null, mission: null, values: ["Safety", "Respect", "Clarity", "Speed", "Openness"]),
        ["bare"] = Profile("Kettle & Crumb", null, null, null, null, mission: null, values: []),
    };

    [Theory]
    [MemberData(nameof(Companies))]
    public void Every_text_fits_by_whole_sentences_and_never_ends_cut(string company)
    {
        foreach (var variant in new[] { 0, 1, 2, 3 })
        {
            foreach (var draft in Write(Profiles[company], variant))
            {
                var max = ProfileSpecs.For(draft.Platform).TextFields.Single(f => f.Key == draft.Key).MaxLength;
                var (fitted, shortened) = ProfileText.Fit(draft.Platform, draft.Text, max);

                Assert.False(shortened, $"{company} {draft.Platform} {draft.Key} v{variant} was over its limit: {draft.Text}");
                Assert.Equal(draft.Text, fitted);
                Assert.DoesNotContain("…", draft.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("  ", draft.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(" .", draft.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("..", draft.Text, StringComparison.Ordinal);
                if (draft.Key != "tagline")
                {
                    Assert.Matches(@"[.!?]$", draft.Text);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Companies))]
    public void No_text_says_the_same_sentence_twice(string company)
    {
        foreach (var draft in Write(Profiles[company], 0).Concat(Write(Profiles[company], 1)))
        {
            var sentences = SentenceSplit().Split(draft.Text).Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).ToList();
            Assert.Equal(sentences.Count, sentences.Distinct().Count());
        }
    }

    [Fact]
    public void The_x_bio_of_a_long_description_keeps_whole_sentences_within_160()
    {
        var bio = Write(Profiles["long name"], 0).Single(d => d.Platform == SocialPlatform.X);

        Assert.True(ProfileText.Count(SocialPlatform.X, bio.Text) <= 160, bio.Text);
        Assert.EndsWith(".", bio.Text, StringComparison.Ordinal);
        Assert.Contains("Keep independent bookshops open in every town.", Write(Profiles["long name"], 0)
            .Single(d => d.Platform == SocialPlatform.LinkedIn && d.Key == "about").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_long_sentence_is_shortened_to_its_leading_clauses()
    {
        var bio = Write(Profiles["one long sentence"], 0).Single(d => d.Platform == SocialPlatform.Instagram).Text;

        Assert.True(bio.Length <= 150, bio);
        Assert.StartsWith("Ada Labs builds scheduling software for hospital wards", bio, StringComparison.Ordinal);
        Assert.EndsWith(".", bio, StringComparison.Ordinal);
        Assert.DoesNotContain(",.", bio, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_an_ampersand_stay_whole_and_fields_read_as_phrases()
    {
        var smith = Write(Profiles["ampersand trade"], 1).Single(d => d.Platform == SocialPlatform.Facebook).Text;
        var roaster = Write(Profiles["roaster"], 1).Single(d => d.Platform == SocialPlatform.GoogleBusiness).Text;

        Assert.Contains("Smith & Sons", smith, StringComparison.Ordinal);
        Assert.Contains("Northwind Coffee Roasters & Co works in food & beverage for home baristas and independent cafés.", roaster, StringComparison.Ordinal);
        Assert.Contains("We stand for craft, freshness and fair trade.", roaster, StringComparison.Ordinal);
        Assert.Contains("Smith & Sons provides plumbing services.", Write(Profiles["ampersand trade"], 1)
            .Single(d => d.Platform == SocialPlatform.LinkedIn && d.Key == "about").Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Companies))]
    public void A_drafted_strategy_never_splices_a_description_into_a_sentence(string company)
    {
        var strategy = OfflineStrategyGenerator.Draft(Profiles[company]);

        Assert.DoesNotContain("brand that", strategy.PositioningStatement, StringComparison.Ordinal);
        Assert.DoesNotContain("its field", strategy.PositioningStatement + string.Concat(strategy.Taglines), StringComparison.Ordinal);
        Assert.DoesNotContain("…", strategy.PositioningStatement + strategy.Mission, StringComparison.Ordinal);
        Assert.Matches(@"[.!?]$", strategy.PositioningStatement);
        Assert.All(strategy.Taglines, t => Assert.True(t.Length <= 80, t));
    }

    [Theory]
    [InlineData("espresso bar", "an")]
    [InlineData("university press", "a")]
    [InlineData("hourly service", "an")]
    [InlineData("coffee roaster", "a")]
    [InlineData("IT consultancy", "an")]
    public void The_article_follows_the_sound(string next, string article) => Assert.Equal(article, Prose.Article(next));

    private static IReadOnlyList<ProfileBioDraft> Write(BrandProfile profile, int variant) => OfflineProfileBioWriter.Write(
        new ProfileBioBrief(profile, ProfileSpecs.All.Select(s => new ProfileBioRequest(s.Platform, s.TextFields)).ToList(), variant));

    private static BrandProfile Profile(
        string name, string? industry, string? description, string? audience, string? problem, string? mission, string[] values) =>
        new(Guid.NewGuid(), name, description, industry, null, audience, problem, null, null, mission,
            values.Select(v => new BrandValueDto(v, $"{v} in everything we do.")).ToList(), null);

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceSplit();
}
