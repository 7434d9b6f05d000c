using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Dashboard;

/// <summary>Posts of one week (Monday to Sunday in the workspace's time zone), counted by state.</summary>
public sealed record WeekCountDto(DateOnly WeekStart, bool Current, int Total, IReadOnlyDictionary<string, int> ByState);

/// <summary>
/// The workspace at a glance: connections that need attention, the next scheduled posts (each with its own connection
/// warnings), posts per week from 8 weeks back to 4 ahead, and the latest automation runs.
/// </summary>
public sealed record DashboardDto(
    IReadOnlyList<ConnectionWarningDto> ConnectionWarnings, IReadOnlyList<ContentItemDto> UpcomingPosts,
    IReadOnlyList<WeekCountDto> PostsPerWeek, IReadOnlyList<AutomationTaskDto> RecentActivity, string TimeZone);

public sealed record GetDashboard : IQuery<DashboardDto>;

public sealed class GetDashboardHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<GetDashboard, DashboardDto>
{
    public const int WeeksBack = 8;
    public const int WeeksAhead = 4;
    public const int UpcomingCount = 10;
    public const int ActivityCount = 10;

    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = await time.ZoneAsync(cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().OrderBy(c => c.Platform).ThenBy(c => c.DisplayName).ToListAsync(cancellationToken);
        var warnings = connections.Select(c => ConnectionWarnings.For(c, now)).OfType<ConnectionWarningDto>().ToList();

        var upcoming = await db.ContentItems.AsNoTracking()
            .Where(c => c.State == ContentState.Scheduled && c.ScheduledAt != null)
            .OrderBy(c => c.ScheduledAt).ThenBy(c => c.Id).Take(UpcomingCount).ToListAsync(cancellationToken);

        // Weeks start on Monday at midnight where the workspace is; their UTC bounds move with daylight saving time.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var starts = Enumerable.Range(-WeeksBack, WeeksBack + WeeksAhead + 1).Select(w => monday.AddDays(7 * w)).ToList();
        DateTimeOffset Utc(DateOnly day)
        {
            // Where the clocks skip midnight, the week starts at the first minute that exists.
            var wall = day.ToDateTime(TimeOnly.MinValue);
            while (zone.IsInvalidTime(wall))
            {
                wall = wall.AddMinutes(15);
            }

            return TenantTime.ToUtc(wall, zone, "week");
        }

        var from = Utc(starts[0]);
        var to = Utc(starts[^1].AddDays(7));
        var dated = await db.ContentItems.AsNoTracking()
            .Where(c => (c.ScheduledAt >= from && c.ScheduledAt < to) || (c.ScheduledAt == null && c.PublishedAt >= from && c.PublishedAt < to))
            .Select(c => new { c.State, At = c.ScheduledAt ?? c.PublishedAt })
            .ToListAsync(cancellationToken);
        var weeks = starts.Select(start =>
        {
            var (begin, end) = (Utc(start), Utc(start.AddDays(7)));
            var inWeek = dated.Where(d => d.At >= begin && d.At < end).ToList();
            return new WeekCountDto(start, start == monday, inWeek.Count,
                inWeek.GroupBy(d => d.State).OrderBy(g => g.Key).ToDictionary(g => ToCamel(g.Key.ToString()), g => g.Count()));
        }).ToList();

        var activity = await AutomationActivity.ReadPageAsync(db, null, null, 1, ActivityCount, cancellationToken);
        return new DashboardDto(
            warnings, upcoming.Select(c => ContentItemDto.From(c, zone, null, connections, now)).ToList(), weeks, activity.Items, zone.Id);
    }

    // The same spelling as the enums everywhere else in the API (camelCase).
    private static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
