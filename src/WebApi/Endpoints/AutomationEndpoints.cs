using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Content;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace BrandAutomator.WebApi.Endpoints;

public static class AutomationEndpoints
{
    /// <summary><c>confirmBrandFindings</c>: an admin schedules posts the brand check blocks (audited).</summary>
    public sealed record ScheduleContentRequest(IReadOnlyList<ScheduleItem> Items, bool? ConfirmBrandFindings);

    /// <summary><c>at</c>: <c>2026-10-24T09:00</c> in the workspace's time zone, or an instant with an offset or Z.</summary>
    public sealed record RescheduleRequest(string At);

    public static IEndpointRouteBuilder MapAutomationEndpoints(this IEndpointRouteBuilder app)
    {
        var automation = app.MapGroup("/api/v1/automation").WithTags("Automation").RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.Publish);

        automation.MapPost("/schedule-content", async (
                    ScheduleContentRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ScheduleContent(body.Items ?? [], idempotencyKey, body.ConfirmBrandFindings ?? false), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("ScheduleContent")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Schedule one or many posts, all or none, each checked against its networks' rules and the brand check (blocking findings need an admin's confirmation). Honours Idempotency-Key.");

        automation.MapPost("/content/{id:guid}/reschedule", async (Guid id, RescheduleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RescheduleContent(id, body.At ?? ""), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("RescheduleContent")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Move a post to a new time; it is sent at the new time only.");

        automation.MapPost("/content/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelContent(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("CancelContent")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Cancel a post: it is never sent.");

        automation.MapPost("/content/{id:guid}/publish-now", async (
                    Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishContentNow(id, idempotencyKey), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("PublishContentNow")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publish a post now (a post the brand check blocks must first be scheduled with an admin's confirmation). Honours Idempotency-Key.");

        automation.MapPost("/content/{id:guid}/first-comments/retry", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryFirstComments(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("RetryFirstComments")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Send again the first comments of a published post that did not get out; the post itself is never sent again.");

        automation.MapGet("/tasks", async (Guid? contentItemId, string? state, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAutomationTasks(contentItemId, state, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListAutomationTasks")
            .WithSummary("The automation activity feed: every run with its state, result and requests, newest first.");
        return app;
    }
}
