using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class SocialEndpoints
{
    /// <summary>An account registered by its tokens; they are encrypted at rest and never returned.</summary>
    public sealed record ConnectionRequest(
        SocialPlatform Platform, string ExternalAccountId, string DisplayName, string AccessToken, string? RefreshToken,
        DateTimeOffset? ExpiresAt, Guid? CompanyId);

    public static IEndpointRouteBuilder MapSocialEndpoints(this IEndpointRouteBuilder app)
    {
        var social = app.MapGroup("/api/v1/social/connections").WithTags("Social").RequireAuthorization(Policies.Viewer);

        social.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSocialConnections(), ct)))
            .WithSummary("The connected accounts, pages and locations, with their status (never their tokens).");

        social.MapPost("/", async (ConnectionRequest body, ISender sender, CancellationToken ct) =>
            {
                var connection = await sender.Send(new CreateSocialConnection(
                    body.Platform, body.ExternalAccountId ?? "", body.DisplayName ?? "", body.AccessToken ?? "", body.RefreshToken,
                    body.ExpiresAt, body.CompanyId), ct);
                return TypedResults.Created($"/api/v1/social/connections/{connection.Id}", connection);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Register an account by its access (and refresh) token.");

        social.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteSocialConnection(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Remove a connection and its tokens.");
        return app;
    }
}
