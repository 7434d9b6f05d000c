using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Analytics;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// Whether the admins get the monthly report by e-mail (<see cref="IsDefault"/>: nobody has chosen yet), the day the next
/// one goes out in the workspace's zone, and the last month reported on.
/// </summary>
public sealed record MonthlyReportSettingDto(bool Enabled, bool IsDefault, DateOnly NextReportOn, string? LastReportedMonth, string TimeZone, DateTimeOffset? UpdatedAt)
{
    public static async Task<MonthlyReportSettingDto> ReadAsync(ITenantDb db, TenantTime time, TimeProvider clock, CancellationToken cancellationToken)
    {
        var setting = await db.MonthlyReportSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var last = await db.MonthlyReportDeliveries.AsNoTracking().Where(d => d.SentAt != null)
            .OrderByDescending(d => d.Month).Select(d => d.Month).FirstOrDefaultAsync(cancellationToken);
        return new MonthlyReportSettingDto(setting?.Enabled ?? MonthlyReportSetting.EnabledByDefault, setting is null,
            new DateOnly(today.Year, today.Month, 1).AddMonths(1), last, zone.Id, setting?.UpdatedAt);
    }
}

/// <summary>The workspace's monthly report setting.</summary>
public sealed record GetMonthlyReportSetting : IQuery<MonthlyReportSettingDto>;

public sealed class GetMonthlyReportSettingHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<GetMonthlyReportSetting, MonthlyReportSettingDto>
{
    public async ValueTask<MonthlyReportSettingDto> Handle(GetMonthlyReportSetting query, CancellationToken cancellationToken) =>
        await MonthlyReportSettingDto.ReadAsync(db, time, clock, cancellationToken);
}
