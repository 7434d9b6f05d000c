namespace BrandAutomator.Domain.Webhooks;

/// <summary>One request to a receiver, for the endpoint's delivery log.</summary>
public sealed class WebhookAttempt
{
    public const int MaxErrorLength = 500;

    private WebhookAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid EndpointId { get; private set; }

    public Guid DeliveryId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    /// <summary>1 for the first attempt of the delivery, counting on through retries and redeliveries.</summary>
    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timed out, address not allowed).</summary>
    public int? StatusCode { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>What went wrong, in words; null on success.</summary>
    public string? Error { get; private set; }

    public static WebhookAttempt Record(
        WebhookDelivery delivery, int number, DateTimeOffset startedAt, TimeSpan duration, int? statusCode, bool succeeded, string? error) => new()
    {
        Id = Guid.CreateVersion7(startedAt),
        TenantId = delivery.TenantId,
        EndpointId = delivery.EndpointId,
        DeliveryId = delivery.Id,
        EventId = delivery.EventId,
        EventType = delivery.EventType,
        Number = number,
        StartedAt = startedAt,
        DurationMs = (int)Math.Clamp(duration.TotalMilliseconds, 0, int.MaxValue),
        StatusCode = statusCode,
        Succeeded = succeeded,
        Error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error,
    };
}
