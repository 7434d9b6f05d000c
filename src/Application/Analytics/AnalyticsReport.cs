using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

/// <summary>The period a report covers: dates in the workspace's zone, both included, and a brand and network to narrow it.</summary>
public sealed record AnalyticsFilter(DateOnly? From, DateOnly? To, Guid? CompanyId, SocialPlatform? Platform)
{
    public const int DefaultDays = 28;
    public const int MaxDays = 366;
}

/// <summary>
/// What the analytics page, its CSV and any later report read: the posts published in the period with their latest
/// metrics (<see cref="PostPerformance"/>), added up per network and day, against the period just before it. One
/// reading serves all of them, so the exports carry the page's numbers. The posts (top posts and the per-post list) are
/// those of networks that report numbers per post.
/// </summary>
public sealed class AnalyticsReport(ITenantDb db, TenantTime time, IEnumerable<INetworkMetricsReader> readers, TimeProvider clock)
{
    public const int TopPostCount = 10;

    public async Task<(AnalyticsOverviewDto Overview, IReadOnlyList<AnalyticsPostDto> Posts)> ReadAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = await time.ZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var to = filter.To ?? today;
        var from = filter.From ?? to.AddDays(1 - AnalyticsFilter.DefaultDays);
        var days = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(1 - days);
        if (filter.CompanyId is { } brand && !await db.Companies.AnyAsync(c => c.Id == brand, cancellationToken))
        {
            throw new NotFoundException("Brand", brand);
        }

        await using var held = await db.HoldConnectionAsync(cancellationToken);
        var (start, end) = (Start(previousFrom, zone), Start(to.AddDays(1), zone));
        var performance = db.PostPerformance.AsNoTracking().Where(p => p.PublishedAt >= start && p.PublishedAt < end);
        if (filter.CompanyId is { } company)
        {
            performance = performance.Where(p => p.CompanyId == company);
        }

        if (filter.Platform is { } platform)
        {
            performance = performance.Where(p => p.Platform == platform);
        }

        var rows = await performance
            .Join(db.ContentItems.AsNoTracking(), p => p.ContentItemId, c => c.Id, (p, c) => new { Performance = p, c.Title })
            .ToListAsync(cancellationToken);
        var posts = rows.Select(r => Post(r.Performance, r.Title)).ToList();
        var currentStart = Start(from, zone);
        var current = posts.Where(p => p.PublishedAt >= currentStart).ToList();
        var previous = posts.Where(p => p.PublishedAt < currentStart).ToList();

        var followers = await FollowersAsync(filter, previousFrom, to, cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        var networks = connections.Select(c => c.Platform).Concat(posts.Select(p => p.Platform)).Concat(followers.Select(f => f.Platform))
            .Where(p => filter.Platform is null || p == filter.Platform).Distinct().Order().ToList();

        var networkDtos = networks.Select(network =>
        {
            var reader = readers.FirstOrDefault(r => r.Platform == network);
            var hasPostMetrics = reader?.HasPostMetrics ?? false;
            var profile = followers.Where(f => f.Platform == network && f.Day >= from).ToList();
            return new AnalyticsNetworkDto(network, network.DisplayName(), hasPostMetrics,
                Totals(current.Where(p => p.Platform == network), followers.Where(f => f.Platform == network), from, to),
                Totals(previous.Where(p => p.Platform == network), followers.Where(f => f.Platform == network), previousFrom, previousTo),
                hasPostMetrics || reader is null ? null : profile.Where(f => f.Kind == MetricKind.ProfileViews).Sum(f => f.Value),
                hasPostMetrics || reader is null ? null : profile.Where(f => f.Kind == MetricKind.ProfileActions).Sum(f => f.Value),
                hasPostMetrics ? null
                : reader is null ? $"Metrics from {network.DisplayName()} are not collected yet."
                : $"{network.DisplayName()} reports views and actions for the whole profile, not per post.");
        }).ToList();

        var dayDtos = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(day =>
        {
            var (dayStart, dayEnd) = (Start(day, zone), Start(day.AddDays(1), zone));
            var ofDay = current.Where(p => p.PublishedAt >= dayStart && p.PublishedAt < dayEnd).ToList();
            return new AnalyticsDayDto(day, ofDay.Count, ofDay.Sum(p => p.Impressions), ofDay.Sum(p => p.Engagements), ofDay.Sum(p => p.Clicks));
        }).ToList();

        var followerDtos = followers.Where(f => f.Kind == MetricKind.Followers && f.Day >= from)
            .GroupBy(f => (f.Day, f.Platform)).Select(g => new AnalyticsFollowersDto(g.Key.Day, g.Key.Platform, g.Sum(f => f.Value)))
            .OrderBy(f => f.Day).ThenBy(f => f.Platform).ToList();

        // Networks that report numbers only for the whole account (Google Business Profile) have no per-post numbers to rank
        // or list: their posts count in the totals, and the network's note says why they are not in the tables.
        var perPost = readers.Where(r => r.HasPostMetrics).Select(r => r.Platform).ToHashSet();
        var listed = current.Where(p => perPost.Contains(p.Platform)).ToList();
        var top = listed.OrderByDescending(p => p.Engagements).ThenByDescending(p => p.Impressions).ThenBy(p => p.PublishedAt).Take(TopPostCount).ToList();
        var warnings = connections.Where(c => networks.Contains(c.Platform))
            .Select(c => (Connection: c, Warning: ConnectionWarnings.For(c, now)))
            .Where(x => x.Warning is not null)
            .Select(x => x.Connection.CanPublish ? x.Warning! : x.Warning! with { Message = $"{x.Warning!.Message} Its metrics are not being collected until then." })
            .ToList();
        var overview = new AnalyticsOverviewDto(from, to, previousFrom, previousTo, zone.Id,
            Totals(current, followers, from, to), Totals(previous, followers, previousFrom, previousTo), networkDtos, dayDtos, followerDtos, top,
            warnings, posts.Max(p => p.LastCollectedAt));
        return (overview, listed.OrderBy(p => p.PublishedAt).ThenBy(p => p.Platform).ToList());
    }

    public static double? Rate(long engagements, long impressions) =>
        impressions > 0 ? Math.Round(100.0 * engagements / impressions, 2, MidpointRounding.AwayFromZero) : null;

    private static AnalyticsPostDto Post(PostPerformance p, string title) =>
        new(p.ContentItemId, title, p.Platform, p.PublishedAt, p.Impressions, p.Reach, p.Engagements, p.Clicks, Rate(p.Engagements, p.Impressions),
            p.LastCollectedAt, p.LastError);

    private static AnalyticsTotalsDto Totals(IEnumerable<AnalyticsPostDto> posts, IEnumerable<AccountMetric> accounts, DateOnly from, DateOnly to)
    {
        var list = posts.ToList();
        var (impressions, engagements) = (list.Sum(p => p.Impressions), list.Sum(p => p.Engagements));
        // Followers: each account's last reading in the period, added up; the change from its first reading in it.
        var readings = accounts.Where(a => a.Kind == MetricKind.Followers && a.Day >= from && a.Day <= to).GroupBy(a => a.ConnectionId).ToList();
        long? followers = readings.Count == 0 ? null : readings.Sum(g => g.MaxBy(a => a.Day)!.Value);
        long? change = readings.Count == 0 ? null : readings.Sum(g => g.MaxBy(a => a.Day)!.Value - g.MinBy(a => a.Day)!.Value);
        return new AnalyticsTotalsDto(list.Count, impressions, list.Sum(p => p.Reach), engagements, list.Sum(p => p.Clicks), Rate(engagements, impressions),
            followers, change);
    }

    private async Task<List<AccountMetric>> FollowersAsync(AnalyticsFilter filter, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var accounts = db.AccountMetrics.AsNoTracking().Where(a => a.Day >= from && a.Day <= to);
        if (filter.CompanyId is { } company)
        {
            // An account shared by every brand counts for each of them.
            accounts = accounts.Where(a => a.CompanyId == company || a.CompanyId == null);
        }

        if (filter.Platform is { } platform)
        {
            accounts = accounts.Where(a => a.Platform == platform);
        }

        return await accounts.ToListAsync(cancellationToken);
    }

    /// <summary>Midnight of <paramref name="day"/> in <paramref name="zone"/> (the first minute that exists, where the clocks skip it).</summary>
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(15);
        }

        return TenantTime.ToUtc(wall, zone, "from");
    }
}
