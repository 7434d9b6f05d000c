using System.Text.RegularExpressions;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.Ai;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Keeps the results part of a drafted strategy grounded, whoever drafted it. With no results given there is no results
/// part and no results citation. With results, a model's part is kept when it cites the results passage and every number
/// it quotes is one that passage gives; anything else gives way to the part computed from the metrics
/// (<see cref="StrategyResultsText"/>), so that no invented figure reaches the user. The part always comes with its
/// results citation, linking to the analytics page of the period.
/// </summary>
public static partial class StrategyResultsGrounding
{
    private const string SnippetTerms = "posts published impressions engagements engagement rate clicks";

    public static BrandStrategy Apply(BrandStrategy strategy, StrategyBrief brief)
    {
        var documents = strategy.Sources?.Where(s => s.Kind != ChatCitation.ResultsKind).ToList();
        if (brief.Results is not { } measured || StrategyResultsText.Section(measured.Summary, measured.Passage) is not { } computed
            || measured.Passage < 1 || measured.Passage > brief.Passages.Count || !brief.Passages[measured.Passage - 1].IsResults)
        {
            return strategy with { Results = null, Sources = documents };
        }

        var passage = brief.Passages[measured.Passage - 1];
        var facts = passage.AssetName + "\n" + passage.Text;
        var drafted = strategy.Results is { } given && given.Source == measured.Passage ? given : null;
        var findings = Grounded(drafted?.Findings, facts);
        var recommendations = Grounded(drafted?.Recommendations, facts);
        var results = findings.Count == 0
            ? computed
            : computed with { Findings = findings, Recommendations = recommendations.Count > 0 ? recommendations : computed.Recommendations };

        var citation = (passage with { Number = measured.Passage }).Cite(GroundingRetriever.Snippet(passage.Text, SnippetTerms));
        return strategy with { Results = results, Sources = [.. (documents ?? []).Append(citation).OrderBy(c => c.Marker)] };
    }

    /// <summary>The lines that fit and quote no number the results do not give.</summary>
    private static List<string> Grounded(IReadOnlyList<string>? lines, string facts)
    {
        var given = Figures(facts);
        return (lines ?? []).Select(l => l.Trim())
            .Where(l => l.Length is > 0 and <= StrategyResults.MaxLineLength && Figures(l).IsSubsetOf(given))
            .Take(StrategyResults.MaxLines).ToList();
    }

    private static HashSet<string> Figures(string text) => Numbers().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    // A figure as the results write them, whole: 1,240 or 6.1 (of 6.1%) or 09 (of 09:00).
    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Numbers();
}
