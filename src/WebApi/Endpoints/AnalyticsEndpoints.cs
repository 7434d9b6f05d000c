using System.Text;
using BrandAutomator.Application.Analytics;
using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

/// <summary>Analytics: the metrics collected from the networks, as a page, a CSV file and suggested posting times.</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.Viewer).AllowApiKeys(ApiScope.Analytics);

        analytics.MapGet("/", async (string? from, string? to, Guid? companyId, string? platform, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAnalyticsOverview(from, to, companyId, platform), ct)))
            .WithName("GetAnalyticsOverview")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Posts published from `from` to `to` (dates in the workspace's zone, the last 28 days by default) with their impressions, engagements and clicks, against the period before; per network, per day, followers and top posts.");

        analytics.MapGet("/export.csv", async (string? from, string? to, Guid? companyId, string? platform, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportAnalyticsCsv(from, to, companyId, platform), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(file.Content), "text/csv; charset=utf-8", file.FileName);
            })
            .WithName("ExportAnalyticsCsv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The analytics page as CSV: one row per post published in the period, then totals per network and overall.");

        analytics.MapGet("/report.pdf", async (string? from, string? to, Guid? companyId, string? platform, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportAnalyticsPdf(from, to, companyId, platform), ct);
                return TypedResults.File(file.Content, "application/pdf", file.FileName);
            })
            .WithName("ExportAnalyticsPdf")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The analytics page as a PDF report: totals against the period before, a chart by day, each network and every post of the period.");

        analytics.MapGet("/best-times", async (Guid? companyId, string? platform, int? count, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBestPostingTimes(companyId, platform, count ?? 5), ct)))
            .WithName("GetBestPostingTimes")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The weekly times (in the workspace's zone) when a brand's posts on a network draw the most engagement, learned from its last 90 days, with a general pattern where data is thin.");

        analytics.MapPost("/refresh", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RefreshAnalytics(), ct);
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("RefreshAnalytics")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Read the metrics that are due now instead of at the next collection round.");

        analytics.MapGet("/monthly-report", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMonthlyReportSetting(), ct)))
            .WithName("GetMonthlyReportSetting")
            .WithSummary("Whether the workspace's admins get the monthly analytics report by e-mail (on unless an admin turned it off), and when the next one goes out.");

        analytics.MapPut("/monthly-report", async (UpdateMonthlyReportSetting body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body, ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateMonthlyReportSetting")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Turn the monthly analytics report to the workspace's admins on or off (admins only).");
        return app;
    }
}
