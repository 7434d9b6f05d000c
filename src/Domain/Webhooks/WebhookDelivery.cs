namespace BrandAutomator.Domain.Webhooks;

public enum WebhookDeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,
    Succeeded,

    /// <summary>Every attempt within the retry window failed; only a manual redelivery sends it again.</summary>
    GaveUp,
}

/// <summary>One event on its way to one endpoint: at least once, retried with growing, jittered waits for a day.</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid EndpointId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    public WebhookDeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When it is due; while an attempt is out, the end of that attempt's lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Retries stop this long after it (the first attempt, or the last manual redelivery).</summary>
    public DateTimeOffset WindowStartedAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static WebhookDelivery Create(WebhookEvent evt, Guid endpointId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = evt.TenantId,
        EndpointId = endpointId,
        EventId = evt.Id,
        EventType = evt.Type,
        State = WebhookDeliveryState.Pending,
        NextAttemptAt = now,
        WindowStartedAt = now,
        CreatedAt = now,
    };

    /// <summary>Takes the delivery for one attempt: no other run picks it up until <paramref name="leaseUntil"/>.</summary>
    public int Claim(DateTimeOffset leaseUntil)
    {
        Attempts++;
        NextAttemptAt = leaseUntil;
        return Attempts;
    }

    public void Succeed(int statusCode, DateTimeOffset now)
    {
        State = WebhookDeliveryState.Succeeded;
        LastStatusCode = statusCode;
        LastError = null;
        CompletedAt = now;
    }

    /// <summary>Records a failed attempt: due again at <paramref name="retryAt"/>, or given up when that is past the window.</summary>
    public void Fail(int? statusCode, string error, DateTimeOffset retryAt, TimeSpan window, DateTimeOffset now)
    {
        LastStatusCode = statusCode;
        LastError = error;
        if (retryAt > WindowStartedAt + window)
        {
            State = WebhookDeliveryState.GaveUp;
            CompletedAt = now;
            return;
        }

        State = WebhookDeliveryState.Pending;
        NextAttemptAt = retryAt;
    }

    /// <summary>A person asks to send it again: due at once, with a fresh retry window.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        State = WebhookDeliveryState.Pending;
        NextAttemptAt = now;
        WindowStartedAt = now;
        CompletedAt = null;
    }
}
