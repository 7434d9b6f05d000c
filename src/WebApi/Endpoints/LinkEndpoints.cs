using BrandAutomator.Application.Links;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandAutomator.WebApi.Endpoints;

public static class LinkEndpoints
{
    /// <summary>Whether the post's links are shortened (and tracked) when it is published, and the utm_campaign they carry.</summary>
    public sealed record PostLinksRequest(bool? ShortenLinks, string? Campaign);

    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder app)
    {
        // Anyone who sees a post may follow its links: the code is the only thing named. 302, not 301, so that every click
        // comes back here to be counted instead of being answered from the browser's cache.
        static async Task<RedirectHttpResult> Follow(string code, HttpContext http, ISender sender, CancellationToken ct)
        {
            var target = await sender.Send(new FollowShortLink(code, http.Request.Headers.UserAgent.ToString(), HttpMethods.IsHead(http.Request.Method)), ct);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return TypedResults.Redirect(target);
        }

        // A post that takes off brings many clicks from few addresses (offices, carriers' NAT): the edge limits them per
        // address (kong.yml, short-links), and an unknown code costs one cached lookup.
        app.MapGet("/l/{code}", Follow)
            .WithTags("Links")
            .AllowAnonymous()
            .DisableRateLimiting()
            .WithName("FollowShortLink")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A short link of a published post: redirects (302) to its address with the network's UTM parameters and counts the click (not for crawlers, link previews or HEAD).");

        // HEAD (link checkers, some previews) answers the same redirect and is never counted; one documented operation is enough.
        app.MapMethods("/l/{code}", [HttpMethods.Head], Follow).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();

        var content = app.MapGroup("/api/v1/content/{id:guid}/links").WithTags("Links").RequireAuthorization(Policies.Viewer);

        content.MapGet("", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPostLinks(id), ct)))
            .WithName("GetPostLinks")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A post's link tracking: whether its links are shortened when published, its campaign, and its short links with their clicks.");

        content.MapPut("", async (Guid id, PostLinksRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdatePostLinks(id, body.ShortenLinks ?? false, body.Campaign), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdatePostLinks")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Shorten (and track) a post's links when it is published, each network with its own UTM parameters, under this campaign (the brand's name when empty).");

        app.MapGet("/api/v1/links", async (DateTimeOffset? since, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListShortLinks(since, limit ?? 100), ct)))
            .WithTags("Links")
            .RequireAuthorization(Policies.Viewer)
            .WithName("ListShortLinks")
            .WithSummary("The workspace's short links with their clicks (people only), newest first; since: made from this time on; limit up to 500.");
        return app;
    }
}
