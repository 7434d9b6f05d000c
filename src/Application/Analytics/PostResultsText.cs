using System.Globalization;
using System.Text;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// <see cref="PostResultsSummary"/> in words: the facts a results passage carries (every number computed, none
/// estimated), and what to say when there are no results to quote.
/// </summary>
public static class PostResultsText
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static string Facts(PostResultsSummary s)
    {
        var text = new StringBuilder();
        var where = s.Platform is { } p ? $" on {p.DisplayName()}" : "";
        text.Append(CultureInfo.InvariantCulture, $"Post results{where}, {s.Period.Span} (times in {s.TimeZone}), from the metrics the networks reported:\n");
        var missing = s.Published - s.Posts.Count;
        text.Append(CultureInfo.InvariantCulture,
            $"- {Count(s.Published, "post")} published{(missing > 0 ? $", {s.Posts.Count} with metrics so far" : "")}: {Number(s.Impressions)} impressions, " +
            $"{Number(s.Engagements)} engagements ({PostPatterns.Percent(AnalyticsReport.Rate(s.Engagements, s.Impressions))} engagement rate), {Number(s.Clicks)} clicks.\n");
        var networks = s.Networks();
        if (s.Platform is null && networks.Count > 1)
        {
            text.Append("- By network: ")
                .Append(string.Join("; ", networks.Select(n => $"{n.Platform.DisplayName()} {PostPatterns.Percent(n.Rate)} engagement rate " +
                    $"({Count(n.Posts, "post")}, {Number(n.Impressions)} impressions, {Number(n.Engagements)} engagements)")))
                .Append(".\n");
        }

        var top = s.Top();
        text.Append(top.Count == 1 ? "- The best post:\n" : $"- The {Words(top.Count)} best posts, by engagements:\n");
        for (var i = 0; i < top.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {Post(top[i], s.Platform is null)}\n");
        }

        foreach (var pattern in s.Patterns)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {PostPatterns.Sentence(pattern)}\n");
        }

        if (s.BestTimes.Count > 0)
        {
            text.Append("- The hours whose posts drew the most engagement: ")
                .Append(string.Join(", ", s.BestTimes.Select(t => $"{t.Day} {t.Hour:00}:00 ({Count(t.Posts, "post")})")))
                .Append(".\n");
        }

        var advice = s.Patterns.Select(p => p.Advice).ToList();
        text.Append(advice.Count > 0
            ? $"- To do more of what worked: {string.Join("; ", advice)}.\n"
            : s.Posts.Count < 2 * PostPatterns.MinPosts
                ? "- Too few posts with metrics yet to tell which kind of post does better.\n"
                : "- No kind of post (images, links, hashtags, questions, length, day) did clearly better than the rest.\n");
        return text.ToString();
    }

    /// <summary>What to say when a question asks about results there are none of: never a guess.</summary>
    public static string None(PostResultsSummary s)
    {
        var where = s.Platform is { } p ? $" on {p.DisplayName()}" : "";
        return s.Published == 0
            ? $"There are no post results{where} for {s.Period.Span} yet: no post was published{where} in that period through a connected account, " +
              "so there is nothing to measure and I will not guess. Results appear on the analytics page once posts go out and their metrics are collected."
            : $"{Count(s.Published, "post")} went out{where} in {s.Period.Span}, but their metrics have not been collected yet, so I cannot say how they did " +
              "and will not guess. The analytics page shows them as soon as the networks report them.";
    }

    internal static string Post(ResultPost p, bool withNetwork) =>
        $"“{p.Title}”{(withNetwork ? $" on {p.Platform.DisplayName()}" : "")}, {p.Local.ToString("ddd d MMM HH:mm", En)}: " +
        $"{Number(p.Impressions)} impressions, {Number(p.Engagements)} engagements ({PostPatterns.Percent(p.Rate)} engagement rate), {Number(p.Clicks)} clicks.";

    public static string Number(long value) => value.ToString("N0", En);

    internal static string Count(int n, string noun) => $"{Number(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string Words(int n) => n switch { 2 => "two", 3 => "three", 4 => "four", 5 => "five", _ => Number(n) };
}
