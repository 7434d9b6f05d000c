using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// The workspace's post results of a period as facts: the posts published then on one network or all, their latest
/// metrics added up, the best posts, the patterns the better ones share (<see cref="PostPatterns"/>) and the hours they
/// went out at. <see cref="Published"/> counts every post of the period, <see cref="Posts"/> only those with metrics.
/// </summary>
public sealed record PostResultsSummary(
    ResultsPeriod Period, SocialPlatform? Platform, Guid? CompanyId, string TimeZone, int Published, IReadOnlyList<ResultPost> Posts,
    IReadOnlyList<PostPattern> Patterns, IReadOnlyList<PostingTimeSuggestion> BestTimes)
{
    public const int TopCount = 3;

    public long Impressions => Posts.Sum(p => p.Impressions);

    public long Engagements => Posts.Sum(p => p.Engagements);

    public long Clicks => Posts.Sum(p => p.Clicks);

    public IReadOnlyList<ResultPost> Top(int count = TopCount) =>
        Posts.OrderByDescending(p => p.Engagements).ThenByDescending(p => p.Impressions).ThenBy(p => p.PublishedAt).Take(count).ToList();

    /// <summary>The posts with metrics by network, the best engagement rate first.</summary>
    public IReadOnlyList<NetworkResults> Networks() =>
        Posts.GroupBy(p => p.Platform)
            .Select(g => new NetworkResults(g.Key, g.Count(), g.Sum(p => p.Impressions), g.Sum(p => p.Engagements), g.Sum(p => p.Clicks)))
            .OrderByDescending(n => n.Rate ?? -1).ThenByDescending(n => n.Posts).ThenBy(n => n.Platform).ToList();

    /// <summary>The name of these results as a source: "LinkedIn post results, Oct 2026".</summary>
    public string SourceName => $"{(Platform is { } p ? p.DisplayName() + " post results" : "Post results")}, {Period.Label}";
}

/// <summary>One network's share of a period's results.</summary>
public sealed record NetworkResults(SocialPlatform Platform, int Posts, long Impressions, long Engagements, long Clicks)
{
    public double? Rate => AnalyticsReport.Rate(Engagements, Impressions);
}

/// <summary>
/// Reads the stored metrics into <see cref="PostResultsSummary"/> (computed here, deterministically, from the same rows the
/// analytics page adds up) and hands them to the AI as a cited passage of their own, so that the strategist and the
/// drafts quote the workspace's real numbers and never invent any.
/// </summary>
public sealed class PostResults(ITenantDb db, TenantTime time, TimeProvider clock)
{
    /// <summary>What a question about results gets: a passage of the results, or, with none, the words saying so.</summary>
    public sealed record ForQuestion(GroundingPassage? Passage, string? NoResults);

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>
    /// For a question about the workspace's results (see <see cref="ResultsQuestion"/>), the results it asks about as
    /// passage number <paramref name="number"/>; null for any other question, which reads no metrics.
    /// </summary>
    public async Task<ForQuestion?> ForQuestionAsync(string question, Guid? companyId, int number, CancellationToken cancellationToken)
    {
        if (!ResultsQuestion.IsAboutResults(question))
        {
            return null;
        }

        var asked = ResultsQuestion.Parse(question, await TodayAsync(cancellationToken))!;
        var summary = await ReadAsync(asked.Period, companyId, asked.Platform, cancellationToken);
        return summary.Posts.Count == 0 ? new ForQuestion(null, PostResultsText.None(summary)) : new ForQuestion(Passage(summary, number), null);
    }

    /// <summary>The recent results of a brand for drafts: those of the one network asked, else of all.</summary>
    public async Task<PostResultsSummary> RecentAsync(Guid? companyId, SocialPlatform? platform, CancellationToken cancellationToken) =>
        await ReadAsync(ResultsPeriod.Recent(await TodayAsync(cancellationToken)), companyId, platform, cancellationToken);

    public static GroundingPassage Passage(PostResultsSummary summary, int number) =>
        new(number, Guid.Empty, summary.SourceName, Guid.Empty, null, PostResultsText.Facts(summary), null, 1, null,
            ChatCitation.ResultsKind, summary.Period.Link(summary.Platform, summary.CompanyId));

    public async Task<PostResultsSummary> ReadAsync(ResultsPeriod period, Guid? companyId, SocialPlatform? platform, CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        var (start, end) = (AnalyticsReport.Start(period.From, zone), AnalyticsReport.Start(period.To.AddDays(1), zone));
        var performance = db.PostPerformance.AsNoTracking().Where(p => p.PublishedAt >= start && p.PublishedAt < end);
        if (companyId is { } company)
        {
            performance = performance.Where(p => p.CompanyId == company);
        }

        if (platform is { } network)
        {
            performance = performance.Where(p => p.Platform == network);
        }

        var rows = await performance
            .Join(db.ContentItems.AsNoTracking(), p => p.ContentItemId, c => c.Id, (p, c) => new { Performance = p, Item = c })
            .ToListAsync(cancellationToken);
        var posts = rows.Where(r => r.Performance.LastCollectedAt is not null).Select(r =>
        {
            var p = r.Performance;
            var variant = r.Item.Variants.FirstOrDefault(v => v.Platform == p.Platform) ?? (r.Item.Variants.Count > 0 ? r.Item.Variants[0] : null);
            return new ResultPost(p.ContentItemId, r.Item.Title, p.Platform, p.PublishedAt, TimeZoneInfo.ConvertTime(p.PublishedAt, zone),
                p.Impressions, p.Engagements, p.Clicks, PostPatterns.Format(variant?.Text ?? "", variant?.MediaAssetIds.Count ?? 0));
        }).OrderBy(p => p.PublishedAt).ThenBy(p => p.Platform).ToList();

        // Hours scored as the best-time suggestions score them: engagements against the network's average.
        var averages = posts.GroupBy(p => p.Platform).ToDictionary(g => g.Key, g => g.Average(p => (double)p.Engagements));
        var times = PostingTimes.Suggest(posts.Select(p => new PostingResult(p.Local.DayOfWeek, p.Local.Hour,
                averages[p.Platform] > 0 ? p.Engagements / averages[p.Platform] : 1)), 3)
            .Where(t => t.Posts > 0).ToList();
        return new PostResultsSummary(period, platform, companyId, zone.Id, rows.Count, posts, PostPatterns.Find(posts), times);
    }
}
