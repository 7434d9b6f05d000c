using BrandAutomator.Application.Auth;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandAutomator.WebApi.Endpoints;

public static class ExternalLoginEndpoints
{
    /// <summary>What the provider sent back to the SPA's callback page: the code and the state. TimeZone: the browser's, for a new workspace.</summary>
    public sealed record ExternalCallbackRequest(string Code, string State, string? TimeZone);

    public static IEndpointRouteBuilder MapExternalLoginEndpoints(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/v1/auth/external").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy).AllowAnonymous();

        anonymous.MapGet("/providers", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListExternalProviders(), ct)))
            .WithName("ListExternalProviders")
            .WithSummary("The providers this server offers for signing in (Google, LinkedIn); empty when none is configured.");

        anonymous.MapPost("/providers/{provider}/start", async (string provider, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartExternalSignIn(provider), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartExternalSignIn")
            .WithSummary("Start signing in or up with a provider (OpenID Connect, code + PKCE): the address to send the browser to.");

        anonymous.MapPost("/providers/{provider}/complete", async Task<Results<Ok<AuthResponse>, Accepted<TwoFactorChallengeResponse>>> (
                string provider, ExternalCallbackRequest body, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new CompleteExternalSignIn(provider, body.Code ?? "", body.State ?? "", body.TimeZone), ct);
                return outcome.Session is { } session ? TypedResults.Ok(session) : TypedResults.Accepted((string?)null, outcome.TwoFactor!);
            })
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("CompleteExternalSignIn")
            .WithSummary("Finish signing in with a provider's code; a new verified address signs up, an address with an account must link it first.");

        var member = app.MapGroup("/api/v1/auth/external").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy)
            .RequireAuthorization(Policies.Viewer);

        member.MapGet("/logins", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListExternalLogins(), ct)))
            .WithName("ListExternalLogins")
            .WithSummary("The caller's ways in: each configured provider, connected or not, and whether they have a password.");

        member.MapPost("/providers/{provider}/link/start", async (string provider, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartExternalLink(provider), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartExternalLink")
            .WithSummary("Start connecting a provider to the caller's account: the address to send the browser to.");

        member.MapPost("/providers/{provider}/link/complete", async (string provider, ExternalCallbackRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteExternalLink(provider, body.Code ?? "", body.State ?? ""), ct)))
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("CompleteExternalLink")
            .WithSummary("Finish connecting a provider (its address must be verified there); answers the caller's ways in.");

        member.MapDelete("/logins/{provider}", async (string provider, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnlinkExternalLogin(provider), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnlinkExternalLogin")
            .WithSummary("Disconnect a provider, as long as a password or another provider remains.");
        return app;
    }
}
