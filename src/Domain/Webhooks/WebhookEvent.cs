namespace BrandAutomator.Domain.Webhooks;

/// <summary>
/// One event in the outbox, written in the same transaction as the change that raised it. Its id is the
/// <c>webhook-id</c> every receiver sees on every attempt, so receivers can drop repeats.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Type { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The whole JSON body sent to receivers (id, type, timestamp, data), fixed when the event is raised.</summary>
    public string Payload { get; private set; } = "";

    /// <summary>When deliveries were made for the endpoints subscribed at that moment; null while waiting.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>The id receivers see: <c>evt_</c> and the id's 32 hex digits.</summary>
    public string PublicId => PublicIdOf(Id);

    public static string PublicIdOf(Guid id) => $"evt_{id:N}";

    public static WebhookEvent Raise(Guid id, Guid tenantId, string type, string payload, DateTimeOffset now) => new()
    {
        Id = id,
        TenantId = tenantId,
        Type = type,
        OccurredAt = now,
        Payload = payload,
    };

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt ??= now;
}
