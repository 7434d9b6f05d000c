using System.Globalization;
using System.Text.RegularExpressions;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Analytics;

/// <summary>A period of results: dates in the workspace's zone, both included, and how to name it ("Oct 2026").</summary>
public sealed record ResultsPeriod(DateOnly From, DateOnly To, string Label)
{
    public const int DefaultDays = 90;

    /// <summary>The last <see cref="DefaultDays"/> days up to <paramref name="today"/>.</summary>
    public static ResultsPeriod Recent(DateOnly today) => new(today.AddDays(1 - DefaultDays), today, "last 90 days");

    /// <summary>A calendar month, up to <paramref name="today"/> when it is the current one.</summary>
    public static ResultsPeriod Month(int year, int month, DateOnly today)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return new ResultsPeriod(first, last > today && first <= today ? today : last, first.ToString("MMM yyyy", CultureInfo.InvariantCulture));
    }

    /// <summary>The period in words for a sentence: "1–31 October 2026".</summary>
    public string Span => From.Year != To.Year
        ? $"{From.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} – {To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
        : From.Month != To.Month
            ? $"{From.ToString("d MMMM", CultureInfo.InvariantCulture)} – {To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{From.Day}–{To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The analytics page of this period.</summary>
    public string Link(SocialPlatform? platform, Guid? companyId) =>
        $"/app/analytics?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}" +
        (platform is { } p ? $"&platform={System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.ToString())}" : "") +
        (companyId is { } c ? $"&companyId={c}" : "");
}

/// <summary>
/// Whether a question to the strategist is about the workspace's own post results ("which of our LinkedIn posts did best
/// in October?", "what should we post more of?") and, when it is, the period and network it asks about. Only such
/// questions read the metrics: a question about the brand's documents is answered from the documents alone.
/// </summary>
public static partial class ResultsQuestion
{
    public sealed record Asked(ResultsPeriod Period, SocialPlatform? Platform);

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>The period and network the question asks about, or null when it is not about post results.</summary>
    public static Asked? Parse(string question, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(question) || !IsAboutResults(question))
        {
            return null;
        }

        return new Asked(Period(question, today), Network(question));
    }

    /// <summary>
    /// A performance word ("did best", "engagement", "impressions", "post more of") with something published ("posts",
    /// "content", a network), or a word that only ever means results ("best-performing", "engagement rate").
    /// </summary>
    public static bool IsAboutResults(string question) =>
        Strong().IsMatch(question) || (Performance().IsMatch(question) && Published().IsMatch(question));

    private static ResultsPeriod Period(string question, DateOnly today)
    {
        if (LastMonth().IsMatch(question))
        {
            var previous = today.AddMonths(-1);
            return ResultsPeriod.Month(previous.Year, previous.Month, today);
        }

        if (ThisMonth().IsMatch(question))
        {
            return ResultsPeriod.Month(today.Year, today.Month, today);
        }

        if (LastDays().Match(question) is { Success: true } days && int.TryParse(days.Groups[1].Value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 366)
        {
            var unit = days.Groups[2].Value.ToLowerInvariant();
            var span = unit.StartsWith("week", StringComparison.Ordinal) ? n * 7 : unit.StartsWith("month", StringComparison.Ordinal) ? n * 30 : n;
            span = Math.Min(span, AnalyticsFilter.MaxDays);
            return new ResultsPeriod(today.AddDays(1 - span), today, $"last {span} days");
        }

        if (ThisYear().IsMatch(question))
        {
            return new ResultsPeriod(new DateOnly(today.Year, 1, 1), today, today.Year.ToString(CultureInfo.InvariantCulture));
        }

        foreach (Match match in MonthName().Matches(question))
        {
            var month = Array.FindIndex(Months, m => m.StartsWith(match.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            // "may" is also a verb: a month only with a year or after "in".
            var isMay = match.Groups[1].Value.Equals("may", StringComparison.OrdinalIgnoreCase);
            if (month == 0 || (isMay && !match.Groups[2].Success && !question[..match.Index].TrimEnd().EndsWith(" in", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // "October" alone is the latest October that has begun; "October 2025" is that one.
            var year = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)
                : month <= today.Month ? today.Year : today.Year - 1;
            if (new DateOnly(year, month, 1) <= today)
            {
                return ResultsPeriod.Month(year, month, today);
            }
        }

        return ResultsPeriod.Recent(today);
    }

    private static SocialPlatform? Network(string question)
    {
        foreach (var platform in Enum.GetValues<SocialPlatform>())
        {
            var name = platform == SocialPlatform.GoogleBusiness ? @"google( business( profile)?)?|gbp" : platform == SocialPlatform.X ? @"x|twitter|tweets?" : Regex.Escape(platform.ToString());
            if (Regex.IsMatch(question, $@"(?<![\p{{L}}\p{{N}}]){name}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                return platform;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(best[- ]performing|worst[- ]performing|top[- ]performing|engagement rates?|post results|our (social )?(media )?(results|analytics|metrics|stats|statistics))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Strong();

    [GeneratedRegex(@"\b(perform(s|ed|ing|ance)?|did (best|well|better|worst|badly|poorly)|do(es)? (best|well|better)|worked( best| well)?|works( best)?|top|best|worst|most (liked|shared|engaging|popular)|engagements?|impressions|reach(ed)?|clicks?|likes|results|stats|analytics|metrics|more of|more often|popular)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Performance();

    [GeneratedRegex(@"\b(posts?|posted|posting|tweets?|content|publish(ed|ing)?|captions?|reels?|updates|linkedin|instagram|facebook|twitter|threads|bluesky|pinterest|tiktok|youtube)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Published();

    [GeneratedRegex(@"\b(last|previous|past) month\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastMonth();

    [GeneratedRegex(@"\bthis month\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisMonth();

    [GeneratedRegex(@"\bthis year\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisYear();

    [GeneratedRegex(@"\b(?:last|past) (\d{1,3}) (days?|weeks?|months?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastDays();

    [GeneratedRegex(@"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\s+(20\d\d))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthName();
}
