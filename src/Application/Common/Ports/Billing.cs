using BrandAutomator.Domain.Billing;

namespace BrandAutomator.Application.Common.Ports;

/// <summary>A Checkout session to open for a tenant's admin.</summary>
public sealed record CheckoutSessionRequest(
    Guid TenantId, string Plan, string PriceId, string? CustomerId, string? CustomerEmail, string IdempotencyKey);

/// <summary>
/// A verified webhook event in the application's terms. <see cref="Kind"/> is null for events billing does not act on;
/// <see cref="TenantId"/> is the tenant the event names itself (client reference or metadata), when it names one.
/// </summary>
public sealed record BillingWebhookEvent(
    string Id,
    string Type,
    DateTimeOffset Created,
    BillingEventKind? Kind,
    Guid? TenantId,
    string? CustomerId,
    string? SubscriptionId,
    string? PriceId,
    string? PlanFromMetadata,
    SubscriptionStatus Status)
{
    /// <summary>The invoice an <c>invoice.*</c> event carries, for the billing history; null for other events.</summary>
    public InvoiceFacts? Invoice { get; init; }
}

/// <summary>A customer's billing as Stripe has it now: invoices (newest first), default card, next invoice.</summary>
public sealed record BillingAccountFacts(IReadOnlyList<InvoiceFacts> Invoices, PaymentCard? Card, UpcomingInvoice? NextInvoice);

/// <summary>The payment provider (Stripe): Checkout, the billing portal, and verified webhook events.</summary>
public interface IBillingGateway
{
    /// <summary>Opens a subscription Checkout session and returns the page to send the buyer to.</summary>
    Task<Uri> CreateCheckoutSessionAsync(CheckoutSessionRequest request, CancellationToken cancellationToken);

    /// <summary>Opens a billing portal session for the customer and returns its page.</summary>
    Task<Uri> CreatePortalSessionAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies the signature and age of a webhook delivery and reads its event; a missing or forged signature, an old
    /// timestamp or a body that is not an event is refused with <see cref="Errors.InputValidationException"/>.
    /// </summary>
    BillingWebhookEvent ReadWebhookEvent(string payload, string? signatureHeader);

    /// <summary>
    /// Reads the customer's recent invoices, default payment card and next invoice (a preview of the subscription's
    /// renewal; none when nothing is due) from Stripe's API.
    /// </summary>
    Task<BillingAccountFacts> ReadAccountAsync(string customerId, string? subscriptionId, CancellationToken cancellationToken);
}
