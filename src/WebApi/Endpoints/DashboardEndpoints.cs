using BrandAutomator.Application.Dashboard;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.Viewer).AllowApiKeys(ApiScope.Analytics)
            .MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDashboard(), ct)))
            .WithName("GetDashboard")
            .WithSummary("Connection warnings, the next scheduled posts with theirs, posts per week (8 back, 4 ahead, by state) and recent automation.");
        return app;
    }
}
