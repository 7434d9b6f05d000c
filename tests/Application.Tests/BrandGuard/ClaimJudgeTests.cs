using BrandAutomator.Application.BrandGuard;

namespace BrandAutomator.Application.Tests.BrandGuard;

/// <summary>
/// A post's figures judged against a brand's statements: supported, contradicted by the statement most about the same
/// thing (citing it, with the current figure as the fix), unsupported when only an archived document gives it, and the
/// same answer however many unrelated statements share the post's common words.
/// </summary>
public sealed class ClaimJudgeTests
{
    private static EvidencePassage Passage(string name, string text, bool current = true, string? heading = null) =>
        new(Guid.NewGuid(), name, Guid.NewGuid(), null, heading, text, current);

    private static List<FindingDto> Judge(string post, params EvidencePassage[] passages) =>
        ClaimJudge.Judge(Claims.In(post), new StatementIndex(passages)).ToList();

    private static readonly EvidencePassage PriceList = Passage("price-list-2026.md",
        "| Full service | £119 |\n| Puncture repair | £15 |\n| Brake adjustment | £25 |", heading: "Repairs");

    private static readonly EvidencePassage OldPriceList = Passage("price-list-2024.md",
        "| Full service | £95 |\n| Puncture repair | £12 |", current: false, heading: "Repairs");

    [Fact]
    public void A_figure_the_current_price_list_gives_is_supported()
    {
        Assert.Empty(Judge("Book a full service for £119 this spring.", PriceList, OldPriceList));
    }

    [Fact]
    public void An_old_price_is_contradicted_by_the_current_list_with_its_figure_as_the_fix()
    {
        var finding = Assert.Single(Judge("Book a full service for £95 this spring.", PriceList, OldPriceList));

        Assert.Equal(FindingKind.ContradictedClaim, finding.Kind);
        Assert.Equal("price-list-2026.md", finding.Source!.AssetName);
        Assert.Contains("archived", finding.Reason);
        Assert.Equal("£119", finding.Fix!.Replacement);
    }

    [Fact]
    public void The_statement_most_about_the_claim_is_the_rival_not_the_first_one_sharing_a_word()
    {
        var newsletter = Passage("newsletter.md", "Our service desk opened a full Saturday for £40 of coffee vouchers.");

        var finding = Assert.Single(Judge("A full service costs £95.", newsletter, PriceList));

        Assert.Equal("price-list-2026.md", finding.Source!.AssetName);
        Assert.Equal("£119", finding.Fix!.Replacement);
    }

    [Fact]
    public void Thousands_of_unrelated_statements_sharing_common_words_change_nothing()
    {
        var journal = Enumerable.Range(0, 3000)
            .Select(i => Passage($"journal-{i / 100}.md", $"The chain was checked on a road bike after {i % 50 + 2} minutes of work; parts came to £{i % 80 + 3}."))
            .ToArray();

        var findings = Judge("Book a full service for £95 and a puncture repair for £15.", [.. journal, PriceList, OldPriceList]);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.ContradictedClaim, finding.Kind);
        Assert.Equal("£95", finding.Excerpt);
        Assert.Equal("price-list-2026.md", finding.Source!.AssetName);
    }

    [Fact]
    public void A_figure_only_an_archived_document_gives_is_unsupported_and_says_so()
    {
        var archivedOnly = Passage("members-2019.md", "Members get 20% off workshop labour.", current: false);

        var finding = Assert.Single(Judge("Members get 20% off workshop labour.", archivedOnly));

        Assert.Equal(FindingKind.UnsupportedClaim, finding.Kind);
        Assert.Contains("members-2019.md", finding.Reason);
    }

    [Fact]
    public void The_rival_among_equally_close_statements_is_the_shortest_then_the_first()
    {
        var index = new StatementIndex([
            Passage("a.md", "Full service with a wash and a chain clean is £130 on weekdays."),
            Passage("b.md", "Full service is £119."),
            Passage("c.md", "Full service is £121."),
        ]);

        var rival = index.Rival(Claims.Words("full service").ToList(), 2, ClaimKind.Money, 95m);

        Assert.NotNull(rival);
        Assert.Equal("b.md", rival.Value.Statement.Passage.AssetName);
        Assert.Equal(2, rival.Value.Overlap);
        Assert.Null(index.Rival(Claims.Words("full service").ToList(), 2, ClaimKind.Percent, 95m));
    }
}
