using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

/// <summary>Turns the monthly e-mail report to the workspace's admins on or off (admins only).</summary>
public sealed record UpdateMonthlyReportSetting(bool? Enabled) : ICommand<MonthlyReportSettingDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class UpdateMonthlyReportSettingValidator : AbstractValidator<UpdateMonthlyReportSetting>
{
    public UpdateMonthlyReportSettingValidator() =>
        RuleFor(x => x.Enabled).NotNull().WithMessage("Say whether the monthly report is sent: true or false.");
}

public sealed class UpdateMonthlyReportSettingHandler(ITenantDb db, ICurrentUser user, TenantTime time, TimeProvider clock)
    : ICommandHandler<UpdateMonthlyReportSetting, MonthlyReportSettingDto>
{
    public async ValueTask<MonthlyReportSettingDto> Handle(UpdateMonthlyReportSetting command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var setting = await db.MonthlyReportSettings.SingleOrDefaultAsync(cancellationToken);
        if (setting is null)
        {
            setting = MonthlyReportSetting.Defaults(now);
            db.MonthlyReportSettings.Add(setting);
        }

        setting.Switch(command.Enabled!.Value, user.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        return await MonthlyReportSettingDto.ReadAsync(db, time, clock, cancellationToken);
    }
}
