using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using Stripe;

namespace BrandAutomator.Infrastructure.Billing;

/// <summary>The billing history half of the gateway: invoices, the default card and the next invoice.</summary>
public sealed partial class StripeBillingGateway
{
    /// <summary>Stripe's page size ceiling; the history shows the last hundred invoices (eight years of monthly ones).</summary>
    public const int InvoicePageSize = 100;

    public async Task<BillingAccountFacts> ReadAccountAsync(string customerId, string? subscriptionId, CancellationToken cancellationToken)
    {
        var invoices = await CallAsync(
            client => new InvoiceService(client).ListAsync(
                new InvoiceListOptions { Customer = customerId, Limit = InvoicePageSize }, cancellationToken: cancellationToken),
            "list the invoices");
        var card = await ReadCardAsync(customerId, cancellationToken);
        var next = subscriptionId is null ? null : await ReadNextInvoiceAsync(customerId, subscriptionId, cancellationToken);
        return new BillingAccountFacts(
            invoices.Data.Select(FactsFrom).OfType<InvoiceFacts>().ToList(), card, next);
    }

    /// <summary>The customer's default card for invoices, else the card on file.</summary>
    private async Task<PaymentCard?> ReadCardAsync(string customerId, CancellationToken cancellationToken)
    {
        var customer = await CallAsync(
            client => new CustomerService(client).GetAsync(
                customerId, new CustomerGetOptions { Expand = ["invoice_settings.default_payment_method"] }, cancellationToken: cancellationToken),
            "read the customer");
        if (customer.InvoiceSettings?.DefaultPaymentMethod?.Card is { } defaultCard)
        {
            return new PaymentCard(defaultCard.Brand, defaultCard.Last4);
        }

        // Checkout saves the card on the subscription, not as the customer's default: the card on file is the one.
        var methods = await CallAsync(
            client => new PaymentMethodService(client).ListAsync(
                new PaymentMethodListOptions { Customer = customerId, Type = "card", Limit = 1 }, cancellationToken: cancellationToken),
            "read the payment method");
        return methods.Data.FirstOrDefault()?.Card is { } card ? new PaymentCard(card.Brand, card.Last4) : null;
    }

    private async Task<UpcomingInvoice?> ReadNextInvoiceAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        Invoice preview;
        try
        {
            preview = await CallRawAsync(client => new InvoiceService(client).CreatePreviewAsync(
                new InvoiceCreatePreviewOptions { Customer = customerId, Subscription = subscriptionId }, cancellationToken: cancellationToken));
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "invoice_upcoming_none" || ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // A canceled subscription, or one set to end: nothing more will be billed.
            return null;
        }
        catch (StripeException ex)
        {
            LogFailed(_logger, ex, "preview the next invoice", (int)ex.HttpStatusCode, ex.StripeError?.Code);
            throw new Application.Common.Errors.ExternalServiceException(
                "Stripe", "Stripe could not preview the next invoice. Try again in a moment.", ex);
        }

        var at = preview.NextPaymentAttempt ?? preview.Created;
        return string.IsNullOrEmpty(preview.Currency) ? null : new UpcomingInvoice(Utc(at), preview.AmountDue, preview.Currency);
    }

    private async Task<T> CallRawAsync<T>(Func<StripeClient, Task<T>> call)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("Billing is off: Billing:StripeSecretKey is not set.");
        }

        return await call(_client);
    }

    /// <summary>The event with the invoice it carries, and the subscription and tenant the invoice names.</summary>
    private static BillingWebhookEvent InvoiceEvent(BillingWebhookEvent unhandled, Invoice invoice) => unhandled with
    {
        TenantId = TenantFrom(invoice.Parent?.SubscriptionDetails?.Metadata) ?? TenantFrom(invoice.Metadata),
        CustomerId = invoice.CustomerId,
        SubscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId,
        Invoice = FactsFrom(invoice),
    };

    /// <summary>Null for an invoice the history cannot show (no id or currency: a preview, or a malformed object).</summary>
    private static InvoiceFacts? FactsFrom(Invoice invoice)
    {
        if (string.IsNullOrEmpty(invoice.Id) || invoice.Currency is not { Length: 3 } currency || InvoiceStatusFrom(invoice.Status) is not { } status)
        {
            return null;
        }

        return new InvoiceFacts(
            invoice.Id, invoice.Number, status, currency, invoice.Total, invoice.AmountDue, invoice.AmountPaid, Utc(invoice.Created),
            invoice.StatusTransitions?.PaidAt is { } paidAt ? Utc(paidAt) : null,
            WebLink(invoice.HostedInvoiceUrl), WebLink(invoice.InvoicePdf));
    }

    private static InvoiceStatus? InvoiceStatusFrom(string? status) => status switch
    {
        "draft" => InvoiceStatus.Draft,
        "open" => InvoiceStatus.Open,
        "paid" => InvoiceStatus.Paid,
        "void" => InvoiceStatus.Void,
        "uncollectible" => InvoiceStatus.Uncollectible,
        _ => null,
    };

    /// <summary>Only web addresses become links on our page, never <c>javascript:</c> or other schemes.</summary>
    private static string? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            ? parsed.AbsoluteUri
            : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
