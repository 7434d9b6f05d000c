using System.Globalization;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Analytics;

/// <summary>What a run of the monthly report did for one workspace: the month reported on (null when none is due) and how many mails went out.</summary>
public sealed record MonthlyReportsResult(string? Month, int Sent);

/// <summary>
/// The monthly report to the workspace's admins, run by the clustered job every hour: on the 1st of a month in the
/// workspace's zone (up to the <see cref="SendUntilDay"/>rd, so that a run missed while the service was down still
/// happens), when the setting is on and there is something to report, each admin gets last month's totals against the
/// month before, the top posts, the best times and the PDF report. Each mail is claimed first (month and admin are a
/// unique key), so another node, a second run or a restart never sends it twice.
/// </summary>
public sealed record SendMonthlyReports : ICommand<MonthlyReportsResult>
{
    public const int SendUntilDay = 3;
}

public sealed partial class SendMonthlyReportsHandler(
    ITenantDb db, ICatalogDb catalog, ITenantContext tenant, IIdentityService identity, IEmailSender email, AnalyticsReport report,
    PostResults results, IAnalyticsPdfWriter pdf, IAppLinks links, TenantTime time, TimeProvider clock, ILogger<SendMonthlyReportsHandler> logger)
    : ICommandHandler<SendMonthlyReports, MonthlyReportsResult>
{
    public async ValueTask<MonthlyReportsResult> Handle(SendMonthlyReports command, CancellationToken cancellationToken)
    {
        var setting = await db.MonthlyReportSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        if (!(setting?.Enabled ?? MonthlyReportSetting.EnabledByDefault) || today.Day > SendMonthlyReports.SendUntilDay)
        {
            return new MonthlyReportsResult(null, 0);
        }

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var adminIds = await catalog.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenant.TenantId && m.Role == TenantRole.Admin).Select(m => m.UserId).ToListAsync(cancellationToken);
        var done = await db.MonthlyReportDeliveries.AsNoTracking().Where(d => d.Month == month).Select(d => d.RecipientId).ToListAsync(cancellationToken);
        var due = adminIds.Except(done).ToList();
        if (due.Count == 0)
        {
            return new MonthlyReportsResult(month, 0);
        }

        var last = first.AddMonths(1).AddDays(-1);
        var (overview, posts) = await report.ReadAsync(new AnalyticsFilter(first, last, null, null), cancellationToken);
        var (before, _) = await report.ReadAsync(new AnalyticsFilter(first.AddMonths(-1), first.AddDays(-1), null, null), cancellationToken);
        if (overview.Current.Posts == 0 && before.Current.Posts == 0 && overview.Current.Followers is null)
        {
            // Nothing published and no account read in either month: an empty report would only be noise.
            return new MonthlyReportsResult(month, 0);
        }

        var summary = await results.ReadAsync(ResultsPeriod.Month(first.Year, first.Month, today), null, null, cancellationToken);
        var workspace = await catalog.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? "your workspace";
        var mail = MonthlyReportMail.Compose(workspace, first, overview.Current, before.Current, summary, links.Analytics(first, last));
        var attachment = new EmailAttachment($"analytics-{month}.pdf", "application/pdf", pdf.Write(overview, posts, workspace));

        var sent = 0;
        foreach (var admin in await identity.FindByIdsAsync(due, cancellationToken))
        {
            var claim = MonthlyReportDelivery.Claim(month, admin.Id, clock.GetUtcNow());
            db.MonthlyReportDeliveries.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node or run claimed this admin's report first.
                db.MonthlyReportDeliveries.Entry(claim).State = EntityState.Detached;
                continue;
            }

            try
            {
                await email.SendAsync(new EmailMessage(admin.Email, mail.Subject, mail.Text, mail.Html, [attachment]), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not sent: the claim goes, so that the next run (within the first days of the month) tries again.
                LogFailed(logger, ex, month, admin.Id);
                db.MonthlyReportDeliveries.Remove(claim);
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }

            claim.Sent(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            sent++;
        }

        return new MonthlyReportsResult(month, sent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monthly report of {Month} to user {UserId} could not be sent; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string month, Guid userId);
}
