using BrandAutomator.Application.Onboarding;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class OnboardingEndpoints
{
    public sealed record ProgressRequest(int CurrentStep);

    /// <summary>Any of the five steps; each one given is validated on its own and marked done.</summary>
    public sealed record OnboardingCompanyRequest(
        CompanyBasics? Basics, AudienceStep? Audience, VoiceStep? Voice, StrategyStep? Strategy, IdentityStep? Identity);

    public static IEndpointRouteBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var onboarding = app.MapGroup("/api/v1/onboarding").WithTags("Onboarding").RequireAuthorization(Policies.Viewer);

        onboarding.MapGet("/progress", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOnboardingProgress(), ct)))
            .WithName("GetOnboardingProgress")
            .WithSummary("Where the wizard stands, with the company as filled in so far.");

        onboarding.MapPut("/progress", async (ProgressRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateOnboardingProgress(body.CurrentStep), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateOnboardingProgress")
            .WithSummary("Remember the step the user is on.");

        onboarding.MapPost("/company", async (OnboardingCompanyRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/onboarding/progress", await sender.Send(
                    new SaveOnboardingCompany(true, body.Basics, body.Audience, body.Voice, body.Strategy, body.Identity), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithIdempotencyKey()
            .WithName("StartOnboardingCompany")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start the company with step 1 (and any other steps given).");

        onboarding.MapPut("/company", async (OnboardingCompanyRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new SaveOnboardingCompany(false, body.Basics, body.Audience, body.Voice, body.Strategy, body.Identity), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("SaveOnboardingCompany")
            .WithSummary("Save any of the steps of the onboarding company.");
        return app;
    }
}
