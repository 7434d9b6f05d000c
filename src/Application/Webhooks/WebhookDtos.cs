using BrandAutomator.Domain.Webhooks;

namespace BrandAutomator.Application.Webhooks;

/// <summary>A webhook endpoint as admins see it: never its secret.</summary>
public sealed record WebhookEndpointDto(
    Guid Id,
    string Url,
    string Description,
    IReadOnlyList<string> Events,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    int ConsecutiveFailures,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookEndpointDto From(WebhookEndpoint e) => new(
        e.Id, e.Url, e.Description, e.Events, e.Enabled, e.DisabledReason, e.DisabledAt, e.ConsecutiveFailures, e.LastSuccessAt, e.CreatedAt);
}

/// <summary>An endpoint with its signing secret: only the answers that make or rotate the secret carry it.</summary>
public sealed record WebhookEndpointWithSecretDto(WebhookEndpointDto Endpoint, string Secret);

/// <summary>One attempt in an endpoint's delivery log.</summary>
public sealed record WebhookAttemptDto(
    Guid Id,
    Guid DeliveryId,
    string EventId,
    string EventType,
    string EventLabel,
    int Attempt,
    DateTimeOffset StartedAt,
    int DurationMs,
    int? StatusCode,
    bool Succeeded,
    string? Error,
    WebhookDeliveryState DeliveryState,
    DateTimeOffset? NextAttemptAt);

/// <summary>A delivery just queued (a redelivery or a test event): the job sends it within seconds.</summary>
public sealed record WebhookDeliveryDto(Guid Id, string EventId, string EventType, WebhookDeliveryState State, int Attempts, DateTimeOffset NextAttemptAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, WebhookEvent.PublicIdOf(d.EventId), d.EventType, d.State, d.Attempts, d.NextAttemptAt);
}
