namespace BrandAutomator.Domain.Billing;

/// <summary>What became of a billing event; kept for support.</summary>
public enum BillingEventOutcome
{
    /// <summary>The event changed the tenant's subscription.</summary>
    Applied,

    /// <summary>An older event than what the tenant already reflects: nothing moved backwards.</summary>
    Stale,

    /// <summary>A kind of event billing does not act on, or one for no known tenant.</summary>
    Ignored,
}

/// <summary>
/// A Stripe event already handled, recorded in the same transaction as its effects and before them: a second delivery
/// of the same event id finds it and changes nothing.
/// </summary>
public sealed class ProcessedStripeEvent
{
    public const int MaxTypeLength = 100;

    private ProcessedStripeEvent()
    {
    }

    /// <summary>Stripe's event id (<c>evt_...</c>).</summary>
    public string Id { get; private set; } = "";

    public string Type { get; private set; } = "";

    public Guid? TenantId { get; private set; }

    /// <summary>When Stripe created the event.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }

    public BillingEventOutcome Outcome { get; private set; }

    public static ProcessedStripeEvent Record(string id, string type, Guid? tenantId, DateTimeOffset createdAt, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type.Length > MaxTypeLength ? type[..MaxTypeLength] : type,
        TenantId = tenantId,
        CreatedAt = createdAt,
        ProcessedAt = now,
        Outcome = BillingEventOutcome.Ignored,
    };

    public void Complete(BillingEventOutcome outcome) => Outcome = outcome;
}
