using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class ArchiveHintsTests
{
    [Theory]
    [InlineData("price-list-2023.md", "# Price list 2023\n\nSuperseded by the 2025 price list.\n\n| Model | Price |")]
    [InlineData("brand-manual.pdf", "ARCHIVED - Brand manual 2019\n\nOur colours are...")]
    [InlineData("guide.docx", "This guide is no longer valid; see the new brand book.")]
    [InlineData("old-guide-OUTDATED.txt", "Colours: blue.")]
    [InlineData("tone.md", "# Tone of voice (replaced by the 2024 voice guide)\n\nWe speak plainly.")]
    public void A_document_that_says_it_no_longer_counts_is_suggested_for_archiving(string name, string text) =>
        Assert.NotNull(ArchiveHints.Find(name, text));

    [Fact]
    public void The_same_words_far_into_a_document_suggest_nothing()
    {
        var text = "# Social media policy\n\n" + string.Concat(Enumerable.Repeat("We post three times a week on LinkedIn and Instagram. ", 12))
            + "\n\nOld posts are archived after a year.";

        Assert.Null(ArchiveHints.Find("social-media-policy.md", text));
        Assert.Null(ArchiveHints.Find("brand-guide.md", "# Brand guide 2025\n\nOur colours are Fjord Blue and Sand."));
    }
}
