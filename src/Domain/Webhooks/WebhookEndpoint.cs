using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Webhooks;

/// <summary>
/// A workspace's receiver of events: an address, the events it wants and a signing secret (kept encrypted, shown once).
/// It turns itself off after failing for too long, so a dead receiver does not collect a day of retries forever.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    private WebhookEndpoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Url { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> Events { get; private set; } = [];

    public bool Enabled { get; private set; }

    /// <summary>The signing secret (<c>whsec_...</c>), encrypted at rest.</summary>
    public string ProtectedSecret { get; private set; } = "";

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Failed attempts in a row since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>When the current run of failures began; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Why the endpoint turned itself off, in words; null when enabled or turned off by a person.</summary>
    public string? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public static WebhookEndpoint Create(
        Guid tenantId, string url, string? description, IEnumerable<string> events, string protectedSecret, Guid createdBy, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            ProtectedSecret = protectedSecret,
            CreatedBy = createdBy,
            CreatedAt = now,
            Enabled = true,
        };
        endpoint.Change(url, description, events, enabled: true, now);
        return endpoint;
    }

    public bool Subscribes(string type) => Events.Contains(type, StringComparer.Ordinal);

    /// <summary>Changes what a person may change; turning it back on forgets the failures that turned it off.</summary>
    public void Change(string url, string? description, IEnumerable<string> events, bool enabled, DateTimeOffset now)
    {
        var chosen = events.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            throw new DomainRuleException("Choose at least one event to send.", "events");
        }

        if (chosen.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
        {
            throw new DomainRuleException($"'{unknown}' is not an event this product sends.", "events");
        }

        Url = url.Trim();
        Description = (description ?? "").Trim();
        Events = WebhookEventTypes.All.Where(chosen.Contains).ToList();
        if (enabled && !Enabled)
        {
            ConsecutiveFailures = 0;
            FailingSince = null;
            DisabledReason = null;
            DisabledAt = null;
        }
        else if (!enabled && Enabled)
        {
            DisabledAt = now;
            DisabledReason = null;
        }

        Enabled = enabled;
        UpdatedAt = now;
    }

    public void RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedSecret = protectedSecret;
        UpdatedAt = now;
    }

    public void RecordSuccess(DateTimeOffset now)
    {
        ConsecutiveFailures = 0;
        FailingSince = null;
        LastSuccessAt = now;
    }

    /// <summary>
    /// Counts a failed attempt and answers whether this one turned the endpoint off: after
    /// <paramref name="maxConsecutiveFailures"/> failures in a row, or when every attempt has failed for
    /// <paramref name="maxFailingFor"/>.
    /// </summary>
    public bool RecordFailure(DateTimeOffset now, int maxConsecutiveFailures, TimeSpan maxFailingFor)
    {
        ConsecutiveFailures++;
        FailingSince ??= now;
        if (!Enabled)
        {
            return false;
        }

        var failingFor = now - FailingSince.Value;
        if (ConsecutiveFailures < maxConsecutiveFailures && failingFor < maxFailingFor)
        {
            return false;
        }

        Enabled = false;
        DisabledAt = now;
        DisabledReason = ConsecutiveFailures >= maxConsecutiveFailures
            ? $"Turned off after {ConsecutiveFailures} failed attempts in a row."
            : $"Turned off after every delivery failed for {Math.Round(failingFor.TotalHours)} hours.";
        UpdatedAt = now;
        return true;
    }
}
