using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Tests.Ai;

public class AiRulesTests
{
    [Theory]
    [InlineData("Returns take 45 days [1].", 3, new[] { 1 })]
    [InlineData("See [2][1] and [1, 3].", 3, new[] { 2, 1, 1, 3 })]
    [InlineData("Only given passages count: [4] [0] [12].", 3, new int[0])]
    [InlineData("A split marker [", 3, new int[0])]
    public void Citation_markers_are_read_only_for_passages_that_were_given(string answer, int passages, int[] expected)
    {
        Assert.Equal(expected, CitationMarkers.In(answer, passages));
    }

    [Fact]
    public void A_draft_over_the_limit_is_shortened_at_a_word_counting_code_points()
    {
        var text = string.Concat(Enumerable.Repeat("Fresh beans ☕🔥 ", 30));

        var fitted = GeneratePostsHandler.Fit(text, 280);

        Assert.True(fitted.Shortened);
        Assert.InRange(fitted.Length, 200, 280);
        Assert.Equal(fitted.Text.EnumerateRunes().Count(), fitted.Length);
        Assert.EndsWith("…", fitted.Text, StringComparison.Ordinal);
        Assert.False(GeneratePostsHandler.Fit("🔥🔥", 2).Shortened);
    }

    [Fact]
    public void A_draft_for_x_is_shortened_to_its_weighted_length()
    {
        var text = string.Concat(Enumerable.Repeat("Fresh beans ☕🔥 ", 30));

        var fitted = GeneratePostsHandler.Fit(text, 280, t => SocialPlatform.X.TextLength(t));

        Assert.True(fitted.Shortened);
        Assert.InRange(fitted.Length, 200, 280);
        Assert.Equal(XText.WeightedLength(fitted.Text), fitted.Length);
        Assert.EndsWith("…", fitted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Retrieval_terms_drop_question_words_and_keep_the_content()
    {
        Assert.Equal(["long", "customers", "return", "unopened", "bags"], GroundingRetriever.Terms("How long do customers have to return unopened bags?"));
    }

    [Fact]
    public void A_strategy_the_profile_cannot_take_is_refused_naming_the_field()
    {
        var strategy = new BrandStrategy("Vision", "Mission", [new BrandValue("Craft", "Small batches"), new BrandValue("craft", "Twice")], "Positioning",
            new VoiceGuidelines("Warm", [], []), ["Tagline"]);

        var refused = Assert.Throws<DomainRuleException>(() => strategy.Checked());

        Assert.Equal("values", refused.Field);
        Assert.Equal("taglines", Assert.Throws<DomainRuleException>(() => (strategy with { Values = [new BrandValue("Craft", "Small")], Taglines = [] }).Checked()).Field);
    }

    [Fact]
    public void The_same_brief_gives_the_same_cache_key_and_another_model_another()
    {
        var brief = new { topic = "Fresh beans", passages = new[] { 1, 2 } };
        var offline = new AiProviderInfo("offline", "offline-templates-1", "r1");

        Assert.Equal(AiRequestKey.For(offline, "posts", brief), AiRequestKey.For(offline, "posts", brief));
        Assert.NotEqual(AiRequestKey.For(offline, "posts", brief), AiRequestKey.For(offline with { Model = "other" }, "posts", brief));
        Assert.NotEqual(AiRequestKey.For(offline, "posts", brief), AiRequestKey.For(offline, "strategy", brief));
    }
}
