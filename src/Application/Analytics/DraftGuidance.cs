using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>What post drafts take from the brand's results, in words for the user: which patterns they follow, and the numbers why.</summary>
public static class DraftGuidance
{
    public static string? For(PostResultsSummary recent)
    {
        if (recent.Posts.Count == 0)
        {
            return null;
        }

        var where = recent.Platform is { } p ? $"{p.DisplayName()} " : "";
        if (recent.Patterns.Count == 0)
        {
            return $"Your {where}posts of the {recent.Period.Label} ({recent.Posts.Count} with metrics) show no kind of post doing clearly better " +
                "than the rest yet, so these drafts follow your brand's voice and documents.";
        }

        return $"These drafts lean on what did best in your {where}posts of the {recent.Period.Label}: " +
            string.Join("; ", recent.Patterns.Select(pattern =>
                $"{pattern.Advice} ({pattern.Description}: {PostPatterns.Percent(pattern.Rate)} engagement rate, against {PostPatterns.Percent(pattern.OtherRate)})")) + ".";
    }
}
