using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Billing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Billing;

/// <summary><see cref="Outcome"/>: applied, stale (older than the tenant's state), ignored, or duplicate (seen before).</summary>
public sealed record WebhookReceipt(string EventId, string Outcome);

/// <summary>
/// One webhook delivery from Stripe, as received: the raw body (the signature covers its exact bytes) and the
/// <c>Stripe-Signature</c> header. Anonymous: the signature is the authentication.
/// </summary>
public sealed record HandleStripeWebhook(string Payload, string? Signature) : ICommand<WebhookReceipt>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed partial class HandleStripeWebhookHandler(
    ICatalogDb catalog, CommandTransaction transaction, IBillingGateway gateway, PlanCatalog plans, IAuditLog audit, TimeProvider clock,
    ILogger<HandleStripeWebhookHandler> logger) : ICommandHandler<HandleStripeWebhook, WebhookReceipt>
{
    public async ValueTask<WebhookReceipt> Handle(HandleStripeWebhook command, CancellationToken cancellationToken)
    {
        BillingGuard.EnsureEnabled(plans);
        var received = gateway.ReadWebhookEvent(command.Payload, command.Signature);
        if (received.Id.Length > BillingEventKey.MaxEventIdLength)
        {
            throw InputValidationException.For("body", "The event id is longer than 255 characters.");
        }

        var tenantId = received.Kind is null && received.Invoice is null ? null : await FindTenantAsync(received, cancellationToken);

        if (tenantId is { } locked)
        {
            // Deliveries for one tenant apply one at a time.
            await catalog.LockTenantAsync(locked, cancellationToken);
        }

        // Copies of one event, with or without a tenant, are checked and recorded one at a time (always after the
        // tenant's lock, so two events never wait for each other in opposite orders).
        await catalog.LockStripeEventAsync(received.Id, cancellationToken);

        if (await catalog.ProcessedStripeEvents.AnyAsync(e => e.Id == received.Id, cancellationToken))
        {
            return new WebhookReceipt(received.Id, "duplicate");
        }

        // Recorded before its effects, in their transaction: either both are kept or neither, and a replay stops above.
        var record = ProcessedStripeEvent.Record(received.Id, received.Type, tenantId, received.Created, clock.GetUtcNow());
        catalog.ProcessedStripeEvents.Add(record);
        await catalog.SaveChangesAsync(cancellationToken);

        var change = tenantId is null ? null : ChangeFrom(received);
        string? detail = null;
        if (change is not null)
        {
            var tenant = await catalog.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
            var applied = tenant.ApplySubscriptionChange(change);
            record.Complete(applied ? BillingEventOutcome.Applied : BillingEventOutcome.Stale);
            if (applied)
            {
                // A new plan or a cancellation changes what Stripe bills next: the cached preview no longer holds.
                if (await catalog.BillingAccounts.SingleOrDefaultAsync(a => a.TenantId == tenant.Id, cancellationToken) is { } account)
                {
                    account.ForgetNextInvoice();
                }

                detail = $"Subscription {tenant.StripeSubscriptionId}: plan {tenant.Plan ?? "none"}, {tenant.SubscriptionStatus} (Stripe {received.Type}).";
            }
        }
        else if (tenantId is null || received.Invoice is null)
        {
            LogIgnored(logger, received.Id, received.Type, tenantId);
        }

        // The billing history keeps every invoice event's snapshot (the event that also changed the plan included).
        if (tenantId is { } owner && received.Invoice is { } invoice)
        {
            var cached = await BillingHistory.ObserveAsync(catalog, owner, invoice, received.Created, clock.GetUtcNow(), cancellationToken);
            if (change is null)
            {
                record.Complete(cached ? BillingEventOutcome.Applied : BillingEventOutcome.Stale);
            }
        }

        await catalog.SaveChangesAsync(cancellationToken);
        if (detail is not null)
        {
            transaction.AfterCommit(ct => audit.RecordAsync(AuditEventType.SubscriptionChanged, tenantId, null, detail, ct));
        }

        return new WebhookReceipt(received.Id, record.Outcome.ToString().ToLowerInvariant());
    }

    /// <summary>The tenant the event names (we put it in the client reference and metadata), else the one with its subscription or customer.</summary>
    private async Task<Guid?> FindTenantAsync(BillingWebhookEvent received, CancellationToken cancellationToken)
    {
        if (received.TenantId is { } named && await catalog.Tenants.AnyAsync(t => t.Id == named, cancellationToken))
        {
            return named;
        }

        if (received.SubscriptionId is { } subscriptionId &&
            await catalog.Tenants.Where(t => t.StripeSubscriptionId == subscriptionId).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
                is { } bySubscription)
        {
            return bySubscription;
        }

        return received.CustomerId is { } customerId
            ? await catalog.Tenants.Where(t => t.StripeCustomerId == customerId).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    private SubscriptionChange? ChangeFrom(BillingWebhookEvent received)
    {
        if (received.Kind is not { } kind || received.SubscriptionId is null)
        {
            return null;
        }

        // The price says which plan the subscription is on now (the portal changes the price, not our metadata); the
        // metadata we wrote at Checkout is a fallback for that one event, whose line items Stripe leaves out of the payload.
        var plan = plans.FindByStripePrice(received.PriceId)
                   ?? (kind == BillingEventKind.CheckoutCompleted ? plans.Find(received.PlanFromMetadata) : null);
        if (plan is null && received.PriceId is not null)
        {
            LogUnknownPrice(logger, received.Id, received.PriceId);
        }

        return new SubscriptionChange(
            new BillingEventKey(received.Created, kind, received.Id), received.SubscriptionId, received.CustomerId, plan?.Code, received.Status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) recorded without effect; tenant {TenantId}")]
    private static partial void LogIgnored(ILogger logger, string eventId, string type, Guid? tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {EventId} names price {PriceId}, which no configured plan has; the plan is left as it was")]
    private static partial void LogUnknownPrice(ILogger logger, string eventId, string priceId);
}
