using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class SynonymsTests
{
    [Theory]
    [InlineData("started", "found")]
    [InlineData("Founded", "start")]
    [InlineData("prizes", "award")]
    [InlineData("rivals", "competitor")]
    [InlineData("pictures", "photo")]
    [InlineData("color", "colour")]
    [InlineData("organizing", "organise")]
    public void A_word_in_any_of_its_forms_finds_the_words_that_mean_the_same(string word, string expected) =>
        Assert.Contains(expected, Synonyms.Of(word));

    [Theory]
    [InlineData("kayak")]
    [InlineData("price")]
    [InlineData("call")]
    [InlineData("target")]
    public void A_word_without_a_group_has_none(string word) => Assert.Empty(Synonyms.Of(word));

    [Fact]
    public void A_word_is_not_its_own_synonym() => Assert.DoesNotContain("award", Synonyms.Of("award"));
}
