using System.Globalization;
using System.Text.RegularExpressions;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>How a post was made, as far as its results can be told apart by it.</summary>
public sealed record PostFormat(bool Media, bool Link, bool Hashtags, bool Question, int Length, IReadOnlyList<string> Tags);

/// <summary>One published post with metrics, where the workspace reads it (<see cref="Local"/>) and how it was made.</summary>
public sealed record ResultPost(
    Guid ContentItemId, string Title, SocialPlatform Platform, DateTimeOffset PublishedAt, DateTimeOffset Local, long Impressions,
    long Engagements, long Clicks, PostFormat Format)
{
    public double? Rate => AnalyticsReport.Rate(Engagements, Impressions);
}

/// <summary>
/// A way of posting that did better (or worse) than the rest in the workspace's results: posts that have it
/// (<see cref="Posts"/>, engagement rate <see cref="Rate"/>) against those without (<see cref="OtherPosts"/>,
/// <see cref="OtherRate"/>). <see cref="Advice"/> says what to do about it; <see cref="Key"/> names the pattern for code
/// ("media", "link", "hashtags", "question", "short", "day", "tag").
/// </summary>
public sealed record PostPattern(string Key, bool Helps, string Description, string Advice, double Rate, double OtherRate, int Posts, int OtherPosts);

/// <summary>
/// Finds what the better posts of a period have in common, deterministically: for each feature (an image or video, a
/// link, hashtags, a question, a short text, the day of the week, a hashtag used more than once) the engagement rate of
/// the posts with it against the posts without, over their summed impressions. A feature counts only with at least
/// <see cref="MinPosts"/> posts on each side and a difference of a fifth or more, strongest first.
/// </summary>
public static partial class PostPatterns
{
    public const int MinPosts = 2;
    public const int ShortLength = 150;
    private const double MinLift = 1.2;

    public static PostFormat Format(string text, int mediaCount)
    {
        var tags = Hashtag().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        return new PostFormat(mediaCount > 0, Link().IsMatch(text), tags.Count > 0, text.Contains('?', StringComparison.Ordinal),
            text.EnumerateRunes().Count(), tags);
    }

    public static IReadOnlyList<PostPattern> Find(IReadOnlyList<ResultPost> posts, int limit = 4)
    {
        var found = new List<PostPattern?>
        {
            Compare(posts, "media", p => p.Format.Media, "posts with an image or video", "text-only posts", "add an image or video", "text-only posts did as well: images are optional"),
            Compare(posts, "link", p => p.Format.Link, "posts with a link", "posts without a link", "include a link", "keep links out of the post text (put them in a comment or the profile)"),
            Compare(posts, "hashtags", p => p.Format.Hashtags, "posts with hashtags", "posts without hashtags", "use hashtags", "leave hashtags out"),
            Compare(posts, "question", p => p.Format.Question, "posts that ask a question", "posts that ask none", "ask the reader a question", "state the point rather than ask"),
            Compare(posts, "short", p => p.Format.Length < ShortLength, $"short posts (under {ShortLength} characters)", "longer posts", "keep posts short", "write longer, fuller posts"),
        };
        var days = posts.GroupBy(p => p.Local.DayOfWeek).Where(g => g.Count() >= MinPosts).Select(g => g.Key).ToList();
        found.AddRange(days.Select(day => Compare(posts, "day", p => p.Local.DayOfWeek == day, $"posts on {day}s", "posts on other days",
            $"post on {day}s", $"post on days other than {day}").OnlyIfHelps()));
        var tags = posts.SelectMany(p => p.Format.Tags).GroupBy(t => t).Where(g => g.Count() >= MinPosts).Select(g => g.Key).ToList();
        found.AddRange(tags.Select(tag => Compare(posts, "tag", p => p.Format.Tags.Contains(tag), $"posts tagged {tag}", $"posts without {tag}",
            $"post more about {tag}", $"post less about {tag}").OnlyIfHelps()));

        return found.OfType<PostPattern>()
            .OrderByDescending(p => Lift(p)).ThenByDescending(p => p.Posts + p.OtherPosts).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Description, StringComparer.Ordinal)
            // One day and one hashtag at most: the strongest of each.
            .GroupBy(p => p.Key is "day" or "tag" ? p.Key : p.Key + p.Description).Select(g => g.First())
            .Take(limit).ToList();
    }

    /// <summary>The pattern as a sentence: "Posts with an image or video: 6.1% engagement rate, against 2.3% for text-only posts (5 and 9 posts)."</summary>
    public static string Sentence(PostPattern p) =>
        $"{char.ToUpperInvariant(p.Description[0])}{p.Description[1..]}: {Percent(p.Rate)} engagement rate, against {Percent(p.OtherRate)} for " +
        $"{Other(p)} ({p.Posts} and {p.OtherPosts} posts).";

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "no";

    private static string Other(PostPattern p) => p.Key switch
    {
        "media" => "text-only posts",
        "link" => "posts without a link",
        "hashtags" => "posts without hashtags",
        "question" => "posts that ask none",
        "short" => "longer posts",
        "day" => "posts on other days",
        _ => p.Description.Replace("posts tagged", "posts without", StringComparison.Ordinal),
    };

    private static double Lift(PostPattern p) => Math.Max(p.Rate, p.OtherRate) / Math.Max(0.01, Math.Min(p.Rate, p.OtherRate));

    private static PostPattern? OnlyIfHelps(this PostPattern? pattern) => pattern is { Helps: true } ? pattern : null;

    private static PostPattern? Compare(
        IReadOnlyList<ResultPost> posts, string key, Func<ResultPost, bool> has, string with, string without, string adviceWith, string adviceWithout)
    {
        var yes = posts.Where(has).ToList();
        var no = posts.Where(p => !has(p)).ToList();
        if (yes.Count < MinPosts || no.Count < MinPosts || yes.Sum(p => p.Impressions) == 0 || no.Sum(p => p.Impressions) == 0)
        {
            return null;
        }

        var rate = AnalyticsReport.Rate(yes.Sum(p => p.Engagements), yes.Sum(p => p.Impressions)) ?? 0;
        var other = AnalyticsReport.Rate(no.Sum(p => p.Engagements), no.Sum(p => p.Impressions)) ?? 0;
        if (Math.Max(rate, other) < MinLift * Math.Min(rate, other) || rate == other)
        {
            return null;
        }

        var helps = rate > other;
        return new PostPattern(key, helps, with, helps ? adviceWith : adviceWithout, rate, other, yes.Count, no.Count);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])#[\p{L}\p{N}_]{2,}")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
