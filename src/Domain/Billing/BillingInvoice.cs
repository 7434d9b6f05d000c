using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Billing;

/// <summary>Where a Stripe invoice stands; <see cref="Paid"/>, <see cref="Void"/> and <see cref="Uncollectible"/> are final.</summary>
public enum InvoiceStatus
{
    Draft,
    Open,
    Paid,
    Void,
    Uncollectible,
}

/// <summary>What Stripe said an invoice looked like at one moment (an event's creation, or a read of its API).</summary>
public sealed record InvoiceFacts(
    string Id,
    string? Number,
    InvoiceStatus Status,
    string Currency,
    long Total,
    long AmountDue,
    long AmountPaid,
    DateTimeOffset IssuedAt,
    DateTimeOffset? PaidAt,
    string? HostedInvoiceUrl,
    string? PdfUrl);

/// <summary>
/// A tenant's Stripe invoice, cached from <c>invoice.*</c> webhooks and from reads of Stripe's API so that the billing
/// history shows without a call to Stripe. What Stripe said later wins; a late copy of an older fact changes nothing.
/// </summary>
public sealed class BillingInvoice
{
    public const int MaxIdLength = 255;
    public const int MaxNumberLength = 100;
    public const int MaxUrlLength = 2048;

    private BillingInvoice()
    {
    }

    /// <summary>Stripe's invoice id (<c>in_...</c>).</summary>
    public string Id { get; private set; } = "";

    public Guid TenantId { get; private set; }

    /// <summary>The number printed on the invoice; Stripe gives one when the invoice is finalised.</summary>
    public string? Number { get; private set; }

    public InvoiceStatus Status { get; private set; }

    /// <summary>ISO 4217, lower case as Stripe writes it.</summary>
    public string Currency { get; private set; } = "usd";

    /// <summary>Amounts in the currency's smallest unit, as Stripe gives them.</summary>
    public long Total { get; private set; }

    public long AmountDue { get; private set; }

    public long AmountPaid { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? HostedInvoiceUrl { get; private set; }

    public string? PdfUrl { get; private set; }

    /// <summary>When Stripe stated the facts kept here: a statement older than this is stale.</summary>
    public DateTimeOffset StatedAt { get; private set; }

    public DateTimeOffset SyncedAt { get; private set; }

    public static BillingInvoice Create(Guid tenantId, InvoiceFacts facts, DateTimeOffset statedAt, DateTimeOffset now)
    {
        var invoice = new BillingInvoice { Id = Checked(facts).Id, TenantId = tenantId };
        invoice.Apply(facts, statedAt, now);
        return invoice;
    }

    /// <summary>Takes what Stripe stated at <paramref name="statedAt"/> unless it already holds something newer; true when taken.</summary>
    public bool Observe(InvoiceFacts facts, DateTimeOffset statedAt, DateTimeOffset now)
    {
        if (Checked(facts).Id != Id)
        {
            throw new DomainRuleException("These facts are about another invoice.");
        }

        // Stripe stamps events to the second: two in one second are ordered by how far along the invoice is.
        if (statedAt < StatedAt || (statedAt == StatedAt && Rank(facts.Status) < Rank(Status)))
        {
            return false;
        }

        Apply(facts, statedAt, now);
        return true;
    }

    private void Apply(InvoiceFacts facts, DateTimeOffset statedAt, DateTimeOffset now)
    {
        Number = facts.Number ?? Number;
        Status = facts.Status;
        Currency = facts.Currency.ToLowerInvariant();
        Total = facts.Total;
        AmountDue = facts.AmountDue;
        AmountPaid = facts.AmountPaid;
        IssuedAt = facts.IssuedAt;
        PaidAt = facts.PaidAt ?? (facts.Status == InvoiceStatus.Paid ? PaidAt : null);
        HostedInvoiceUrl = facts.HostedInvoiceUrl ?? HostedInvoiceUrl;
        PdfUrl = facts.PdfUrl ?? PdfUrl;
        StatedAt = statedAt;
        SyncedAt = now;
    }

    private static int Rank(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => 0,
        InvoiceStatus.Open => 1,
        _ => 2,
    };

    private static InvoiceFacts Checked(InvoiceFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.Id) || facts.Id.Length > MaxIdLength)
        {
            throw new DomainRuleException($"An invoice id has 1 to {MaxIdLength} characters.");
        }

        if (facts.Currency.Length != 3)
        {
            throw new DomainRuleException("An invoice's currency is a three-letter ISO 4217 code.");
        }

        return facts with
        {
            Number = facts.Number is { Length: > MaxNumberLength } n ? n[..MaxNumberLength] : facts.Number,
            HostedInvoiceUrl = facts.HostedInvoiceUrl is { Length: > MaxUrlLength } ? null : facts.HostedInvoiceUrl,
            PdfUrl = facts.PdfUrl is { Length: > MaxUrlLength } ? null : facts.PdfUrl,
        };
    }
}
