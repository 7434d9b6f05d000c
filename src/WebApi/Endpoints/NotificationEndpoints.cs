using BrandAutomator.Application.Notifications;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Viewer);

        notifications.MapGet("/", async (bool? unreadOnly, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListNotifications(unreadOnly ?? false, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListNotifications")
            .WithSummary("The workspace's notifications, newest first, with the unread count.");

        notifications.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationRead(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Mark a notification as read.");
        return app;
    }
}
