using BrandAutomator.Application.Content;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class ContentEndpoints
{
    /// <summary>
    /// A post. <c>at</c> places it in the calendar: <c>2026-10-24T09:00</c> is that wall-clock time in the workspace's
    /// time zone; a time with an offset or Z is that instant.
    /// </summary>
    public sealed record ContentRequest(Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, string? At);

    public sealed record ReviewRequest(string? Comment);

    public sealed record ContentSettingsRequest(bool ApprovalRequired, bool? AdminsMayApproveOwnPosts);

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder app)
    {
        var content = app.MapGroup("/api/v1/content").WithTags("Content").RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.ContentWrite);

        content.MapGet("/", async (
                    string? from, string? to, string? state, string? platform, Guid? companyId, int? page, int? pageSize,
                    ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListContent(from, to, state, platform, companyId, page ?? 1, pageSize ?? 100), ct)))
            .WithName("ListContent")
            .WithSummary("The calendar: posts in [from, to) (dates in the workspace's time zone, or instants), or all newest first; state and platform by name (scheduled, linkedIn...).");

        content.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetContent(id), ct)))
            .WithName("GetContent")
            .WithSummary("A post with its variants, state and the latest outcome on each network.");

        content.MapPost("/", async (ContentRequest body, ISender sender, CancellationToken ct) =>
            {
                var item = await sender.Send(new CreateContent(body.CompanyId, body.Title ?? "", body.Variants ?? [], body.At), ct);
                return TypedResults.Created($"/api/v1/content/{item.Id}", item);
            })
            .RequireAuthorization(Policies.Editor)
            .WithIdempotencyKey()
            .WithName("CreateContent")
            .WithSummary("Create a draft post.");

        content.MapPut("/{id:guid}", async (Guid id, ContentRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateContent(id, body.CompanyId, body.Title ?? "", body.Variants ?? [], body.At), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace a post's title, variants and planned time; it goes back to Draft.");

        content.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteContent(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Delete a post (and its schedule).");

        content.MapPost("/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitContent(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("SubmitContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Ask for review: Draft -> InReview.");

        content.MapPost("/{id:guid}/approve", async (Guid id, ReviewRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveContent(id, body?.Comment), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ApproveContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Approve a post in review, optionally with a comment.");

        content.MapPost("/{id:guid}/reject", async (Guid id, ReviewRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectContent(id, body.Comment ?? ""), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RejectContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Send a post in review back to Draft with a comment saying what to change.");

        content.MapGet("/settings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetContentSettings(), ct)))
            .WithName("GetContentSettings")
            .WithSummary("Whether approval is required before scheduling, and the workspace's time zone.");

        content.MapPut("/settings", async (ContentSettingsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateContentSettings(body.ApprovalRequired, body.AdminsMayApproveOwnPosts), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateContentSettings")
            .WithSummary("Require (or stop requiring) an admin's approval before posts can be scheduled, and whether admins may approve their own posts.");

        content.MapPost("/calendar-token", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RotateCalendarToken(), ct)))
            .RefuseApiKeys()
            .WithName("RotateCalendarToken")
            .WithSummary("A new secret link to the caller's calendar feed; the previous link stops working.");

        // Calendar applications fetch the feed without signing in: the token in the link names the tenant and the member.
        app.MapGet("/api/v1/content/calendar.ics", async (string? token, ISender sender, CancellationToken ct) =>
                TypedResults.Text(await sender.Send(new GetCalendarFeed(token ?? ""), ct), "text/calendar; charset=utf-8"))
            .WithTags("Content")
            .AllowAnonymous()
            .WithName("GetCalendarFeed")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The calendar as an RFC 5545 iCalendar feed, for the secret token of POST /api/v1/content/calendar-token.");
        return app;
    }
}
