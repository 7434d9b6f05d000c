namespace BrandAutomator.Domain.Billing;

/// <summary>
/// What one billing event says about a tenant's subscription. <see cref="Plan"/> is null when the event does not name
/// the plan (a failed payment), <see cref="CustomerId"/> when it does not name the customer.
/// </summary>
public sealed record SubscriptionChange(
    BillingEventKey Key,
    string SubscriptionId,
    string? CustomerId,
    string? Plan,
    SubscriptionStatus Status);
