using BrandAutomator.Application.BrandGuard;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class BrandGuardEndpoints
{
    /// <summary>
    /// <c>tone</c>: compare with the brand's tone as well (slower; on by default). <c>companyId</c>: the post's brand, whose
    /// rules and documents apply with the workspace-wide ones. <c>useAi</c>: have the configured AI model review the
    /// findings (counted as an AI request; off by default, so the check as the user types stays fast).
    /// </summary>
    public sealed record CheckPostRequest(IReadOnlyList<CheckVariantDto>? Variants, bool? Tone, Guid? CompanyId, bool? UseAi);

    public sealed record AddBrandRuleRequest(BrandRuleKind Kind, string? Term, string? Suggestion, SocialPlatform? Platform, int? Limit, Guid? CompanyId);

    public sealed record UpdateBrandRuleRequest(string? Term, string? Suggestion, int? Limit, bool? Enabled);

    public sealed record BrandGuardSettingsRequest(IReadOnlyList<FindingSeverity>? BlockingSeverities);

    public static IEndpointRouteBuilder MapBrandGuardEndpoints(this IEndpointRouteBuilder app)
    {
        var guard = app.MapGroup("/api/v1/brand-guard").WithTags("Brand guard").RequireAuthorization(Policies.Viewer);

        guard.MapPost("/check", async (CheckPostRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckPost(body.Variants ?? [], body.Tone ?? true, body.CompanyId, body.UseAi ?? false), ct)))
            .WithName("CheckPost")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check a post's network texts against the brand's rules and current documents: findings with severity, reason, cited passage and one-click fix.");

        guard.MapGet("/content/{id:guid}", async (Guid id, bool? useAi, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckContent(id, useAi ?? false), ct)))
            .WithName("CheckContent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check a saved post as its text stands now against its brand's rules and documents, for the approvals page; useAi has the AI model review the findings.");

        guard.MapGet("/rules", async (Guid? companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBrandRules(companyId), ct)))
            .WithName("ListBrandRules")
            .WithSummary("The brands' rules, read from their current documents (re-read when they change) and added by the team, each with its source and brand; companyId: the rules that brand's posts follow.");

        guard.MapPost("/rules", async (AddBrandRuleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/brand-guard/rules", await sender.Send(new AddBrandRule(body.Kind, body.Term ?? "", body.Suggestion, body.Platform, body.Limit, body.CompanyId), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithIdempotencyKey()
            .WithName("AddBrandRule")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Add a rule of the team's own: a banned word, a name, a hashtag, a hashtag limit or a tone description.");

        guard.MapPut("/rules/{id:guid}", async (Guid id, UpdateBrandRuleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateBrandRule(id, body.Term ?? "", body.Suggestion, body.Limit, body.Enabled ?? true), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateBrandRule")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a rule or switch it off; a rule read from the documents then keeps the team's version when they are read again.");

        guard.MapDelete("/rules/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteBrandRule(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteBrandRule")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete a rule the team added (rules read from the documents are switched off instead).");

        guard.MapGet("/settings", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBrandGuardSettings(), ct)))
            .WithName("GetBrandGuardSettings")
            .WithSummary("Which severities of finding block scheduling without an admin's confirmation.");

        guard.MapPut("/settings", async (BrandGuardSettingsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateBrandGuardSettings(body.BlockingSeverities!), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateBrandGuardSettings")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Choose which severities block scheduling (an empty list: the brand check only advises).");
        return app;
    }
}
