namespace BrandAutomator.Domain.Billing;

/// <summary>The card a customer pays with, as Stripe shows it: the network's brand and the last four digits.</summary>
public sealed record PaymentCard(string Brand, string Last4);

/// <summary>The invoice Stripe will send next: when, and for how much (smallest currency unit).</summary>
public sealed record UpcomingInvoice(DateTimeOffset At, long Amount, string Currency);

/// <summary>
/// A tenant's billing account as last read from Stripe: payment method and next invoice. Read on demand (these change
/// in Stripe's portal, not through our events), so it says when it was read.
/// </summary>
public sealed class BillingAccount
{
    public const int MaxBrandLength = 40;

    private BillingAccount()
    {
    }

    public Guid TenantId { get; private set; }

    public string? CardBrand { get; private set; }

    public string? CardLast4 { get; private set; }

    public DateTimeOffset? NextInvoiceAt { get; private set; }

    public long? NextInvoiceAmount { get; private set; }

    public string? NextInvoiceCurrency { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    /// <summary>The subscription changed since the last read: the next invoice is unknown until Stripe is asked again.</summary>
    public bool NextInvoiceStale { get; private set; }

    public PaymentCard? Card => CardBrand is not null && CardLast4 is not null ? new PaymentCard(CardBrand, CardLast4) : null;

    public UpcomingInvoice? NextInvoice => NextInvoiceAt is { } at && NextInvoiceAmount is { } amount && NextInvoiceCurrency is { } currency
        ? new UpcomingInvoice(at, amount, currency)
        : null;

    public static BillingAccount For(Guid tenantId) => new() { TenantId = tenantId };

    /// <summary>The subscription changed: the next invoice must be read from Stripe again before it is shown.</summary>
    public void ForgetNextInvoice()
    {
        NextInvoiceAt = null;
        NextInvoiceAmount = null;
        NextInvoiceCurrency = null;
        NextInvoiceStale = true;
    }

    public void Refresh(PaymentCard? card, UpcomingInvoice? next, DateTimeOffset now)
    {
        CardBrand = card?.Brand is { } brand ? (brand.Length > MaxBrandLength ? brand[..MaxBrandLength] : brand) : null;
        // Only ever the last four digits, whatever a faulty answer carries.
        CardLast4 = card?.Last4 is { Length: >= 4 } last ? last[^4..] : null;
        NextInvoiceAt = next?.At;
        NextInvoiceAmount = next?.Amount;
        NextInvoiceCurrency = next?.Currency.ToLowerInvariant();
        NextInvoiceStale = false;
        RefreshedAt = now;
    }
}
