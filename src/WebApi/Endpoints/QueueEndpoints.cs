using BrandAutomator.Application.Queue;
using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

/// <summary>The posting queue: weekly posting times per brand and network, "add to queue", and reordering.</summary>
public static class QueueEndpoints
{
    /// <summary><c>companyId</c> null: the times for posts without a brand.</summary>
    public sealed record QueueSlotsRequest(Guid? CompanyId, SocialPlatform Platform, IReadOnlyList<QueueSlotInput>? Slots);

    public sealed record ReorderQueueRequest(Guid? CompanyId, SocialPlatform Platform, IReadOnlyList<Guid>? PostIds);

    public static IEndpointRouteBuilder MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/api/v1/queue").WithTags("Queue").RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.ContentWrite);

        queue.MapGet("/slots", async (Guid? companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetQueueSlots(companyId), ct)))
            .WithName("GetQueueSlots")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A brand's weekly posting times on every network, in the workspace's time zone (no companyId: posts without a brand).");

        queue.MapPut("/slots", async (QueueSlotsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReplaceQueueSlots(body.CompanyId, body.Platform, body.Slots!), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("ReplaceQueueSlots")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a brand's weekly posting times on one network (day and 09:00 in the workspace's time zone); queued posts keep their times.");

        queue.MapGet("/", async (Guid? companyId, string? platform, int? count, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetQueue(companyId, platform, count ?? 20), ct)))
            .WithName("GetQueue")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A brand's queue on one network: the next posting times with the posts holding them, and posts at times of their own among them.");

        queue.MapPost("/reorder", async (ReorderQueueRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReorderQueue(body.CompanyId, body.Platform, body.PostIds!), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("ReorderQueue")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Put queued posts in a new order: they keep the times they hold and move between them, the first named to the earliest.");

        app.MapPost("/api/v1/content/{id:guid}/queue", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new QueueContent(id), ct)))
            .WithTags("Queue")
            .RequireAuthorization(Policies.Editor)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.ContentWrite)
            .WithName("QueueContent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add to queue: schedule the post at its brand's next free posting time on its networks, in the workspace's time zone.");
        return app;
    }
}
