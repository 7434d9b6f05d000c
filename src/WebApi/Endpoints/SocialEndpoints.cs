using System.Text.Json;
using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Social;
using BrandAutomator.Infrastructure.Publishing;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Endpoints;

public static class SocialEndpoints
{
    /// <summary>An account registered by its tokens; they are encrypted at rest and never returned.</summary>
    public sealed record ConnectionRequest(
        SocialPlatform Platform, string ExternalAccountId, string DisplayName, string AccessToken, string? RefreshToken,
        DateTimeOffset? ExpiresAt, Guid? CompanyId);

    /// <summary>A Bluesky sign-in: the handle (or e-mail) and an app password made in Bluesky's settings.</summary>
    public sealed record BlueskyConnectionRequest(string Handle, string AppPassword, Guid? CompanyId);

    public static IEndpointRouteBuilder MapSocialEndpoints(this IEndpointRouteBuilder app)
    {
        var social = app.MapGroup("/api/v1/social/connections").WithTags("Social").RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.ContentWrite);

        social.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSocialConnections(), ct)))
            .WithName("ListSocialConnections")
            .WithSummary("The connected accounts, pages and locations, with their status (never their tokens).");

        social.MapPost("/", async (ConnectionRequest body, ISender sender, CancellationToken ct) =>
            {
                var connection = await sender.Send(new CreateSocialConnection(
                    body.Platform, body.ExternalAccountId ?? "", body.DisplayName ?? "", body.AccessToken ?? "", body.RefreshToken,
                    body.ExpiresAt, body.CompanyId), ct);
                return TypedResults.Created($"/api/v1/social/connections/{connection.Id}", connection);
            })
            .RequireAuthorization(Policies.Admin)
            .WithIdempotencyKey()
            .WithName("CreateSocialConnection")
            .WithSummary("Register an account by its access (and refresh) token.");

        social.MapGet("/{id:guid}/pinterest-boards", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPinterestBoards(id), ct)))
            .WithName("ListPinterestBoards")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("The boards of a connected Pinterest account, for choosing where a pin goes. 409 when Pinterest refuses the account's access.");

        social.MapGet("/{id:guid}/tiktok-creator", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTikTokCreatorInfo(id), ct)))
            .WithName("GetTikTokCreatorInfo")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("What a connected TikTok creator may post now: who can see it (the choices TikTok offers), interactions they turned off, the longest video. 409 when TikTok refuses the account's access.");

        social.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteSocialConnection(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteSocialConnection")
            .WithSummary("Remove a connection and its tokens.");

        app.MapGroup("/api/v1/social/profiles").WithTags("Social").RequireAuthorization(Policies.Viewer)
            .MapGet("/", async (Guid? companyId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSocialProfiles(companyId), ct)))
            .WithName("ListSocialProfiles")
            .WithSummary("The brand's profiles on each network: where they are and whether a connection verifies them.");

        app.MapGroup("/api/v1/social/networks").WithTags("Social").RequireAuthorization(Policies.Viewer)
            .MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPublishingNetworks(), ct)))
            .WithName("ListPublishingNetworks")
            .WithSummary("Every network with the accounts posts can go out through now, and whether this server can connect it.");

        var connect = app.MapGroup("/api/v1/social/connect").WithTags("Social");
        // Unknown networks are not routes at all (404), like any other path that names nothing.
        connect.MapGet($"/{{platform:regex({PlatformPattern})}}", async (
                    string platform, Guid? companyId, HttpRequest request, IOptions<PlatformOptions> options, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartSocialConnection(Parse(platform), companyId, CallbackUrl(request, options.Value, Parse(platform))), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("StartSocialConnection")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start connecting an account (OAuth 2.0 with PKCE): the address to send the browser to. 409 when the network is not configured.");

        connect.MapPost("/bluesky", async (BlueskyConnectionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ConnectBlueskyAccount(body.Handle ?? "", body.AppPassword ?? "", body.CompanyId), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ConnectBlueskyAccount")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Connect a Bluesky account with its handle and an app password; the password signs in once and is not kept.");

        // The network sends the browser here: no bearer token, so the signed, single-use state says whose it is.
        connect.MapGet($"/{{platform:regex({PlatformPattern})}}/callback", async (
                    string platform, string? code, string? state, string? error,
                    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "error_description")] string? errorDescription, ISender sender, CancellationToken ct) =>
                {
                    var result = await sender.Send(new CompleteSocialConnection(Parse(platform), code, state, error, errorDescription), ct);
                    var name = JsonNamingPolicy.CamelCase.ConvertName(result.Platform.ToString());
                    return TypedResults.Redirect(result.Error is null
                        ? $"{SpaConnectionsPath}?connected={name}&accounts={result.Connected}"
                        : $"{SpaConnectionsPath}?platform={name}&error={Uri.EscapeDataString(result.Error)}");
                })
            .AllowAnonymous()
            .WithName("CompleteSocialConnection")
            .Produces(StatusCodes.Status302Found)
            .WithSummary("The network's redirect back: exchanges the code, stores the tokens encrypted, and sends the browser to the SPA's connections page.");
        return app;
    }

    /// <summary>The SPA page that shows the outcome (<c>?connected=</c> or <c>?error=</c>).</summary>
    public const string SpaConnectionsPath = "/app/automation/connections";

    private const string PlatformPattern = "^(?i:linkedin|x|facebook|instagram|googlebusiness|threads|pinterest|youtube|tiktok)$";

    private static SocialPlatform Parse(string platform) => Enum.Parse<SocialPlatform>(platform, ignoreCase: true);

    /// <summary>The redirect URI registered at the network: the configured public address, else the one this request came in on.</summary>
    private static string CallbackUrl(HttpRequest request, PlatformOptions options, SocialPlatform platform)
    {
        var origin = options.CallbackBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/api/v1/social/connect/{JsonNamingPolicy.CamelCase.ConvertName(platform.ToString())}/callback";
    }
}
