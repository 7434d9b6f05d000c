using System.Globalization;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// The "What your results show" part of a brand strategy, in words, from <see cref="PostResultsSummary"/>: what the
/// brand's recent posts show (every number computed from the stored metrics, none estimated) and the recommendations
/// that follow from it (the network, formats and hours that did best, and the pace to keep), deterministically.
/// </summary>
public static class StrategyResultsText
{
    private const int MaxTitleLength = 80;
    private const int MaxPatterns = 3;

    // A network is named the one to favour only when it beat every other network with enough posts by this much.
    private const double MinNetworkLift = 1.2;

    /// <summary>The part for <paramref name="s"/>, resting on the results passage numbered <paramref name="source"/>; null without results.</summary>
    public static StrategyResults? Section(PostResultsSummary s, int source) =>
        s.Posts.Count == 0 ? null : new StrategyResults(s.Period.Span, Fitted(Findings(s)), Fitted(Recommendations(s)), source);

    public static IReadOnlyList<string> Findings(PostResultsSummary s)
    {
        var findings = new List<string>();
        var missing = s.Published - s.Posts.Count;
        var period = s.Period.Label.StartsWith("last ", StringComparison.Ordinal) ? $"the {s.Period.Label} ({s.Period.Span})" : s.Period.Span;
        findings.Add($"In {period}, {PostResultsText.Count(s.Published, "post")} went out" +
            (missing > 0 ? $", {s.Posts.Count} with metrics so far" : "") +
            $": {PostResultsText.Number(s.Impressions)} impressions, {PostResultsText.Number(s.Engagements)} engagements " +
            $"({PostPatterns.Percent(AnalyticsReport.Rate(s.Engagements, s.Impressions))} engagement rate) and {PostResultsText.Number(s.Clicks)} clicks.");

        var networks = s.Networks();
        if (networks.Count > 1)
        {
            findings.Add("Engagement rate by network: " + string.Join("; ", networks.Select(n =>
                $"{n.Platform.DisplayName()} {PostPatterns.Percent(n.Rate)} ({PostResultsText.Count(n.Posts, "post")}, " +
                $"{PostResultsText.Number(n.Impressions)} impressions)")) + ".");
        }

        var best = s.Top(1)[0];
        findings.Add((s.Posts.Count == 1 ? "The one post with metrics: " : "Best post: ") + PostResultsText.Post(best with { Title = Clipped(best.Title) }, withNetwork: true));
        findings.AddRange(s.Patterns.Take(MaxPatterns).Select(PostPatterns.Sentence));
        if (s.BestTimes.Count > 0)
        {
            findings.Add($"The {(s.BestTimes.Count == 1 ? "hour" : "hours")} whose posts drew the most engagement ({s.TimeZone} time): " +
                string.Join(", ", s.BestTimes.Select(t => $"{t.Day} {t.Hour:00}:00 ({PostResultsText.Count(t.Posts, "post")})")) + ".");
        }

        return findings;
    }

    public static IReadOnlyList<string> Recommendations(PostResultsSummary s)
    {
        var recommendations = new List<string>();
        if (Favoured(s.Networks()) is var (best, next))
        {
            recommendations.Add($"Give {best.Platform.DisplayName()} the larger share of your posts: its {PostPatterns.Percent(best.Rate)} engagement rate " +
                $"over {PostResultsText.Count(best.Posts, "post")} is the best of your networks (against {PostPatterns.Percent(next.Rate)} on {next.Platform.DisplayName()}).");
        }

        recommendations.AddRange(s.Patterns.Take(MaxPatterns).Select(p =>
            $"{Capitalised(p.Advice)}: {p.Description} had a {PostPatterns.Percent(p.Rate)} engagement rate, against {PostPatterns.Percent(p.OtherRate)} for the rest."));

        if (s.BestTimes.Count > 0)
        {
            recommendations.Add($"Schedule posts first for {Join(s.BestTimes.Select(t => $"{t.Day} at {t.Hour:00}:00").ToList())} ({s.TimeZone} time), " +
                "when your posts drew the most engagement.");
        }

        if (s.Posts.Count < 2 * PostPatterns.MinPosts)
        {
            recommendations.Add($"Keep publishing and draft the strategy again when more posts have metrics: {PostResultsText.Count(s.Posts.Count, "post")} " +
                $"with metrics {(s.Posts.Count == 1 ? "is" : "are")} too few to tell which kind of post does better.");
        }
        else
        {
            recommendations.Add($"Keep at least your current pace of {Pace(s)} (you published {PostResultsText.Count(s.Published, "post")} in these " +
                $"{Days(s.Period)} days), so that the next results confirm or correct these findings.");
        }

        return recommendations;
    }

    /// <summary>The network with the best rate and the runner-up, when each has enough posts and the best is clearly ahead.</summary>
    private static (NetworkResults Best, NetworkResults Next)? Favoured(IReadOnlyList<NetworkResults> networks)
    {
        var compared = networks.Where(n => n.Posts >= PostPatterns.MinPosts && n.Rate is not null).ToList();
        return compared.Count >= 2 && compared[0].Rate >= MinNetworkLift * Math.Max(0.01, compared[1].Rate!.Value)
            ? (compared[0], compared[1])
            : null;
    }

    private static string Pace(PostResultsSummary s)
    {
        var days = Days(s.Period);
        var perWeek = s.Published * 7.0 / days;
        if (perWeek >= 1)
        {
            var n = (int)Math.Round(perWeek, MidpointRounding.AwayFromZero);
            return $"about {PostResultsText.Count(n, "post")} a week";
        }

        var perMonth = Math.Max(1, (int)Math.Round(s.Published * 30.0 / days, MidpointRounding.AwayFromZero));
        return $"about {PostResultsText.Count(perMonth, "post")} a month";
    }

    private static int Days(ResultsPeriod period) => period.To.DayNumber - period.From.DayNumber + 1;

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>Every line within <see cref="StrategyResults.MaxLineLength"/> (a long hashtag or title could push one over), at most <see cref="StrategyResults.MaxLines"/>.</summary>
    private static List<string> Fitted(IReadOnlyList<string> lines) =>
        lines.Take(StrategyResults.MaxLines).Select(l =>
        {
            if (l.Length <= StrategyResults.MaxLineLength)
            {
                return l;
            }

            var cut = l.LastIndexOf(' ', StrategyResults.MaxLineLength - 2);
            return l[..(cut > StrategyResults.MaxLineLength / 2 ? cut : StrategyResults.MaxLineLength - 1)].TrimEnd(' ', ',', ';', ':') + "…";
        }).ToList();

    private static string Clipped(string title)
    {
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxTitleLength - 1);
        return title[..(cut > 20 ? cut : MaxTitleLength - 1)].TrimEnd() + "…";
    }
}
