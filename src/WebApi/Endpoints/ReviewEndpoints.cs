using BrandAutomator.Application.Review;
using BrandAutomator.Domain.Review;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class ReviewEndpoints
{
    /// <summary>
    /// A link to share posts with a client: the posts planned from <c>from</c> to <c>to</c> (days in the workspace's time
    /// zone, both included) and/or the chosen <c>postIds</c>, optionally of one brand; open for 1 to 60 days.
    /// </summary>
    public sealed record CreateReviewLinkRequest(string Name, string? From, string? To, IReadOnlyList<Guid>? PostIds, Guid? CompanyId, int? ExpiresInDays);

    /// <summary>A reviewer's decision: <c>approved</c>, or <c>changesRequested</c> with a comment saying what to change.</summary>
    public sealed record ReviewDecisionRequest(string ReviewerName, ReviewVerdict? Verdict, string? Comment);

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/v1/review-links").WithTags("Client review").RequireAuthorization(Policies.Viewer);

        links.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReviewLinks(), ct)))
            .WithName("ListReviewLinks")
            .WithSummary("The workspace's client review links, newest first, with their posts and the reviewers' decisions.");

        links.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReviewLink(id), ct)))
            .WithName("GetReviewLink")
            .WithSummary("A client review link with its posts and every decision made on them.");

        links.MapPost("/", async (CreateReviewLinkRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateReviewLink(
                    body.Name ?? "", body.From, body.To, body.PostIds, body.CompanyId, body.ExpiresInDays ?? 14), ct);
                return TypedResults.Created($"/api/v1/review-links/{created.Link.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateReviewLink")
            .WithSummary("Share posts with a client for review, without an account; the answer holds the link's secret, shown this once only.");

        links.MapPost("/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevokeReviewLink(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RevokeReviewLink")
            .WithSummary("Revoke a client review link: from now on it answers 404.");

        // The reviewer has no account: the secret in the path is the permission. Unknown, revoked and expired links are
        // all 404, and these paths have a rate limit of their own per address.
        var shared = app.MapGroup("/api/v1/review/{token}").WithTags("Client review").AllowAnonymous()
            .RequireRateLimiting(RateLimits.ReviewLinkPolicy);

        shared.MapGet("", async (string token, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSharedReview(token), ct)))
            .WithName("GetSharedReview")
            .WithSummary("The posts a review link shares, with a preview per network and the latest decision on each.");

        shared.MapPost("/posts/{postId:guid}/decision", async (string token, Guid postId, ReviewDecisionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideSharedPost(token, postId, body.ReviewerName ?? "", body.Verdict, body.Comment), ct)))
            .WithName("DecideSharedPost")
            .WithSummary("A reviewer approves a shared post, or asks for changes with a comment, under the name they type.");
        return app;
    }
}
