using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

public sealed record AnalyticsPdfFile(string FileName, byte[] Content);

/// <summary>
/// The analytics page as a PDF report to send on: the totals against the period before, impressions and engagements by
/// day as a chart, each network, and every post of the period with its numbers (the numbers of the page and the CSV).
/// </summary>
public sealed record ExportAnalyticsPdf(string? From, string? To, Guid? CompanyId, string? Platform) : IQuery<AnalyticsPdfFile>;

public sealed class ExportAnalyticsPdfValidator : AbstractValidator<ExportAnalyticsPdf>
{
    public ExportAnalyticsPdfValidator()
    {
        AnalyticsQueryRules.Period(this, x => x.From, x => x.To);
        AnalyticsQueryRules.Network(this, x => x.Platform);
    }
}

public sealed class ExportAnalyticsPdfHandler(AnalyticsReport report, IAnalyticsPdfWriter writer, ITenantDb db)
    : IQueryHandler<ExportAnalyticsPdf, AnalyticsPdfFile>
{
    public async ValueTask<AnalyticsPdfFile> Handle(ExportAnalyticsPdf query, CancellationToken cancellationToken)
    {
        var (overview, posts) = await report.ReadAsync(AnalyticsQueryRules.Filter(query.From, query.To, query.CompanyId, query.Platform), cancellationToken);
        var brand = query.CompanyId is { } id
            ? await db.Companies.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new AnalyticsPdfFile($"analytics-{overview.From:yyyy-MM-dd}-to-{overview.To:yyyy-MM-dd}.pdf",
            writer.Write(overview, posts, brand ?? "All brands"));
    }
}
