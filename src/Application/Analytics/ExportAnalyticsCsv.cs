using System.Globalization;
using System.Text;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Analytics;

public sealed record AnalyticsCsvFile(string FileName, string Content);

/// <summary>
/// The analytics page as a CSV file (RFC 4180, UTF-8): one row per post published in the period with its metrics,
/// then one total row per network and one for all of them, the same numbers the page shows.
/// </summary>
public sealed record ExportAnalyticsCsv(string? From, string? To, Guid? CompanyId, string? Platform) : IQuery<AnalyticsCsvFile>;

public sealed class ExportAnalyticsCsvValidator : AbstractValidator<ExportAnalyticsCsv>
{
    public ExportAnalyticsCsvValidator()
    {
        AnalyticsQueryRules.Period(this, x => x.From, x => x.To);
        AnalyticsQueryRules.Network(this, x => x.Platform);
    }
}

public sealed class ExportAnalyticsCsvHandler(AnalyticsReport report) : IQueryHandler<ExportAnalyticsCsv, AnalyticsCsvFile>
{
    public static readonly string[] Header =
        ["Row", "Published", "Network", "Post", "Impressions", "Reach", "Engagements", "Clicks", "Engagement rate (%)"];

    public async ValueTask<AnalyticsCsvFile> Handle(ExportAnalyticsCsv query, CancellationToken cancellationToken)
    {
        var (overview, posts) = await report.ReadAsync(
            AnalyticsQueryRules.Filter(query.From, query.To, query.CompanyId, query.Platform), cancellationToken);
        var zone = Content.TenantTime.Find(overview.TimeZone) ?? TimeZoneInfo.Utc;
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var post in posts)
        {
            Line(csv, ["Post", Content.TenantTime.ToLocalText(post.PublishedAt, zone), post.Platform.DisplayName(), post.Title,
                Number(post.Impressions), Number(post.Reach), Number(post.Engagements), Number(post.Clicks), Rate(post.EngagementRate)]);
        }

        foreach (var network in overview.Networks.Where(n => n.HasPostMetrics))
        {
            Totals(csv, network.Name, network.Current);
        }

        Totals(csv, "All networks", overview.Current);
        return new AnalyticsCsvFile($"analytics-{overview.From:yyyy-MM-dd}-to-{overview.To:yyyy-MM-dd}.csv", csv.ToString());
    }

    private static void Totals(StringBuilder csv, string name, AnalyticsTotalsDto totals) =>
        Line(csv, ["Total", "", name, $"{totals.Posts} posts", Number(totals.Impressions), Number(totals.Reach), Number(totals.Engagements),
            Number(totals.Clicks), Rate(totals.EngagementRate)]);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    // Quoted when needed; a cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark.
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
