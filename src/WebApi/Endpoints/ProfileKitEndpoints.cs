using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

/// <summary>Profile kits for each network and Google Business Profile locations: the profile side of automation.</summary>
public static class ProfileKitEndpoints
{
    public sealed record CreateSocialProfilesRequest(Guid CompanyId, IReadOnlyList<SocialPlatform>? Platforms);

    /// <summary>
    /// A location for the company: <c>connectionId</c> is a Google Business Profile connection, <c>account</c>
    /// (<c>accounts/{id}</c>) overrides the account it names. Give <c>address</c>, or <c>serviceArea</c> with
    /// <c>regionCode</c> for a business without a storefront.
    /// </summary>
    public sealed record CreateGoogleBusinessLocationRequest(
        Guid CompanyId, Guid ConnectionId, string? Account, LocationAddressInput? Address, IReadOnlyList<LocationPlaceInput>? ServiceArea,
        string? RegionCode, string? PrimaryCategory, IReadOnlyList<string>? AdditionalCategories, string? Phone, string? LanguageCode,
        string? StoreCode, string? Description);

    public static IEndpointRouteBuilder MapProfileKitEndpoints(this IEndpointRouteBuilder app)
    {
        var automation = app.MapGroup("/api/v1/automation").WithTags("Automation").RequireAuthorization(Policies.Viewer);

        automation.MapPost("/create-social-profiles", async (CreateSocialProfilesRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CreateSocialProfiles(body.CompanyId, body.Platforms ?? []), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("CreateSocialProfiles")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("A profile kit per network: name, handle ideas, texts within its limits in the brand's voice, avatar and banner at its exact sizes, link, and a set-up task.");

        automation.MapGet("/social-profiles", async (Guid? companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSocialProfileKits(companyId), ct)))
            .WithName("ListSocialProfileKits")
            .WithSummary("The profile kits, optionally of one company.");

        automation.MapGet("/social-profiles/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSocialProfileKit(id), ct)))
            .WithName("GetSocialProfileKit")
            .WithSummary("One profile kit, with fresh signed links to its images.");

        automation.MapPost("/social-profiles/{id:guid}/regenerate", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RegenerateSocialProfileKit(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("RegenerateSocialProfileKit")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Another take on a kit: new texts and handle ideas, images redrawn from the current logo and colours.");

        automation.MapPost("/social-profiles/{id:guid}/push", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PushSocialProfileKit(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("PushSocialProfileKit")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Set the kit's texts on the connected account where the network's API allows it (Facebook Page, Google Business Profile).");

        automation.MapPost("/google-business-profile", async (CreateGoogleBusinessLocationRequest body, ISender sender, CancellationToken ct) =>
            {
                var location = await sender.Send(new CreateGoogleBusinessLocation(
                    body.CompanyId, body.ConnectionId, body.Account, body.Address, body.ServiceArea, body.PrimaryCategory, body.AdditionalCategories,
                    body.Phone, body.LanguageCode, body.StoreCode, body.Description, body.RegionCode), ct);
                return TypedResults.Created($"/api/v1/automation/google-business-profile/{location.Id}", location);
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("CreateGoogleBusinessLocation")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Create the company's Business Profile location: validated first, then created with a requestId kept for retries, so a retry never makes a second one.");

        automation.MapGet("/google-business-profile", async (Guid? companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListGoogleBusinessLocations(companyId), ct)))
            .WithName("ListGoogleBusinessLocations")
            .WithSummary("Business Profile locations created or being created, newest first.");

        automation.MapGet("/google-business-profile/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGoogleBusinessLocation(id), ct)))
            .WithName("GetGoogleBusinessLocation")
            .WithSummary("One location's creation state and verification status.");

        automation.MapPost("/google-business-profile/{id:guid}/verification", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RefreshGoogleBusinessVerification(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("RefreshGoogleBusinessVerification")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Ask Google again whether the location is verified (Verifications API getVoiceOfMerchantState).");
        return app;
    }
}
