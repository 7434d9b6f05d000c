using BrandAutomator.Application.Feeds;
using BrandAutomator.Domain.Feeds;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class FeedEndpoints
{
    /// <summary>
    /// A feed for a brand to watch: its new items become <c>draft</c> posts or posts in the brand's <c>queue</c> on
    /// <c>platforms</c>, written with <c>template</c> (<c>{title}</c>, <c>{link}</c>, <c>{summary}</c>), checked every
    /// <c>intervalMinutes</c> (15 to 1440, 60 unless told).
    /// </summary>
    public sealed record FeedRequest(
        Guid? CompanyId, string Name, Uri Url, FeedTarget? Target, IReadOnlyList<SocialPlatform>? Platforms, string? Template, int? IntervalMinutes);

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/v1/feeds").WithTags("Feeds").RequireAuthorization(Policies.Viewer);

        feeds.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFeeds(), ct)))
            .WithName("ListFeeds")
            .WithSummary("The RSS and Atom feeds the brands watch, with how each is doing and how many posts it made.");

        feeds.MapPost("/", async (FeedRequest body, ISender sender, CancellationToken ct) =>
            {
                var feed = await sender.Send(new AddFeed(body.CompanyId, body.Name ?? "", body.Url?.OriginalString ?? "", body.Target, body.Platforms,
                    body.Template, body.IntervalMinutes), ct);
                return TypedResults.Created($"/api/v1/feeds/{feed.Id}", feed);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("AddFeed")
            .WithSummary("Watch a feed: from now on each new item becomes one post (the items already in it do not).");

        feeds.MapPost("/{id:guid}/check", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckFeedNow(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("CheckFeedNow")
            .WithSummary("Read the feed now (a paused one too); a feed read in the last ten seconds is not read again.");

        feeds.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteFeed(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteFeed")
            .WithSummary("Stop watching a feed; the posts it made stay.");
        return app;
    }
}
