using System.Globalization;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Recurring;

/// <summary>The reads the recurring use cases share: a series by id, a series as shown, a wall-clock start as typed.</summary>
internal static class RecurringReader
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static async Task<RecurringSeries> LoadAsync(ITenantDb db, Guid id, CancellationToken cancellationToken) =>
        await db.RecurringSeries.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Recurring post", id);

    /// <summary>A wall-clock time in the workspace's zone (<c>2027-03-01T09:00</c>); one the clocks skip is refused as the composer does.</summary>
    public static DateTime ParseLocal(string? value, TimeZoneInfo zone, string field)
    {
        if (!DateTime.TryParseExact(value?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw InputValidationException.For(field, "Write the first post's day and time as 2027-03-01T09:00, in the workspace's time zone.");
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TenantTime.ToUtc(local, zone, field);
        return local;
    }

    public static async Task<RecurringSeriesDto> ToDtoAsync(
        ITenantDb db, RecurringSeries series, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var posts = await db.ContentItems.AsNoTracking().Where(c => c.SeriesId == series.Id)
            .OrderBy(c => c.SeriesIndex)
            .Select(c => new { c.Id, c.SeriesIndex, c.State, c.ScheduledAt, c.LastError })
            .ToListAsync(cancellationToken);
        return new RecurringSeriesDto(
            series.Id, series.CompanyId, series.Title,
            series.Variants.Select(v => new ContentVariantDto(v.Platform, v.Text, v.MediaAssetIds)).ToList(),
            RepeatRuleDto.From(series.Rule), series.FirstLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), zone.Id,
            series.ContinuedBy,
            posts.Select(p => new OccurrenceDto(p.SeriesIndex!.Value, p.Id, p.State, p.ScheduledAt,
                p.ScheduledAt is { } at ? TenantTime.ToLocalText(at, zone) : null,
                p.State is ContentState.Draft or ContentState.Failed or ContentState.Unconfirmed ? p.LastError : null)).ToList());
    }
}
