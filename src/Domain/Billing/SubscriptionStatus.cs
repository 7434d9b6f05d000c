namespace BrandAutomator.Domain.Billing;

/// <summary>Where a tenant's paid subscription stands; the values follow the payment provider's life cycle.</summary>
public enum SubscriptionStatus
{
    /// <summary>Never subscribed.</summary>
    None,

    /// <summary>Created, first payment not yet confirmed.</summary>
    Incomplete,

    /// <summary>The first payment never came; the subscription is over.</summary>
    IncompleteExpired,

    Trialing,

    Active,

    /// <summary>A renewal payment failed and is being retried.</summary>
    PastDue,

    /// <summary>Retries are exhausted; the subscription stays open but unpaid.</summary>
    Unpaid,

    /// <summary>Ended: a canceled subscription never becomes active again (a new one is started instead).</summary>
    Canceled,

    Paused,
}

public static class SubscriptionStatuses
{
    /// <summary>
    /// Whether the subscription's plan applies. Past due keeps it: the provider is still retrying the charge, and
    /// locking a paying customer out over a card that expired yesterday costs more than the few days of grace.
    /// </summary>
    public static bool GrantsPlan(this SubscriptionStatus status) =>
        status is SubscriptionStatus.Active or SubscriptionStatus.Trialing or SubscriptionStatus.PastDue;

    /// <summary>A state the same subscription can never leave.</summary>
    public static bool IsTerminal(this SubscriptionStatus status) =>
        status is SubscriptionStatus.Canceled or SubscriptionStatus.IncompleteExpired;
}
