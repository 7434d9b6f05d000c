using BrandAutomator.Application.Webhooks;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class WebhookEndpoints
{
    /// <summary>A receiver of events: its address (https in Production, public addresses only), a note, and the events it wants.</summary>
    public sealed record WebhookEndpointRequest(string Url, string? Description, IReadOnlyList<string> Events);

    /// <summary>The same, plus whether events are sent to it (turning it back on forgets the failures that turned it off).</summary>
    public sealed record UpdateWebhookEndpointRequest(string Url, string? Description, IReadOnlyList<string> Events, bool Enabled);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Admins only, and never an API key (no ApiKeyAccess here): a key could otherwise point the workspace's events elsewhere.
        var hooks = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);

        hooks.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListWebhookEndpoints(), ct)))
            .WithName("ListWebhookEndpoints")
            .WithSummary("The workspace's webhook endpoints (never their secrets) and the events an endpoint may subscribe to.");

        hooks.MapPost("/", async (WebhookEndpointRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateWebhookEndpoint(body.Url ?? "", body.Description, body.Events ?? []), ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Endpoint.Id}", created);
            })
            .WithName("CreateWebhookEndpoint")
            .WithSummary("Add a webhook endpoint; the answer holds its signing secret (whsec_...), shown this once only.");

        hooks.MapPut("/{id:guid}", async (Guid id, UpdateWebhookEndpointRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateWebhookEndpoint(id, body.Url ?? "", body.Description, body.Events ?? [], body.Enabled), ct)))
            .WithName("UpdateWebhookEndpoint")
            .WithSummary("Change a webhook endpoint's address, description or events, or turn it off or back on.");

        hooks.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteWebhookEndpoint(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhookEndpoint")
            .WithSummary("Delete a webhook endpoint and its delivery log.");

        hooks.MapPost("/{id:guid}/secret", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RotateWebhookSecret(id), ct)))
            .WithName("RotateWebhookSecret")
            .WithSummary("Make a new signing secret for an endpoint (shown this once only); the old one stops at once.");

        hooks.MapGet("/{id:guid}/attempts", async (Guid id, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWebhookAttempts(id, limit), ct)))
            .WithName("ListWebhookAttempts")
            .WithSummary("An endpoint's delivery log, newest first: each attempt's status code, duration, error and number.");

        hooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{id}/attempts", await sender.Send(new RedeliverWebhook(id, deliveryId), ct)))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again, with the same event id, within seconds and with a fresh day of retries.");

        hooks.MapPost("/{id:guid}/test", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhooks/{id}/attempts", await sender.Send(new SendTestWebhook(id), ct)))
            .WithName("SendTestWebhook")
            .WithSummary("Send a signed test event (webhook.test) to an endpoint; it appears in the delivery log within seconds.");
        return app;
    }
}
