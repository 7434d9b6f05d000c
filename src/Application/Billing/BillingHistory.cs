using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

/// <summary>
/// One Stripe invoice. Amounts are in the currency's main unit (dollars, not cents; yen as they are);
/// <see cref="Currency"/> is the ISO 4217 code in capitals.
/// </summary>
public sealed record InvoiceDto(
    string Id,
    string? Number,
    InvoiceStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? PaidAt,
    decimal Total,
    decimal AmountDue,
    decimal AmountPaid,
    string Currency,
    string? HostedInvoiceUrl,
    string? PdfUrl);

/// <summary>The card invoices are charged to: <see cref="BrandName"/> in words (Visa, American Express), and its last four digits.</summary>
public sealed record PaymentCardDto(string Brand, string BrandName, string Last4);

public sealed record NextInvoiceDto(DateTimeOffset At, decimal Amount, string Currency);

/// <summary>
/// The workspace's billing history: invoices newest first (cached from Stripe's events), the card and the next invoice
/// as last read from Stripe (<see cref="RefreshedAt"/>; null if never, or if the subscription changed since, so the
/// next invoice must be read again). <see cref="HasCustomer"/>: Stripe knows this
/// workspace (it has subscribed at least once).
/// </summary>
public sealed record BillingHistoryDto(
    bool BillingEnabled,
    bool HasCustomer,
    IReadOnlyList<InvoiceDto> Invoices,
    PaymentCardDto? PaymentMethod,
    NextInvoiceDto? NextInvoice,
    DateTimeOffset? RefreshedAt);

/// <summary>The cached billing history of one tenant, read and written the same way by the webhook, the refresh and the query.</summary>
internal static class BillingHistory
{
    public const int MaxInvoicesShown = 100;

    /// <summary>Takes what Stripe stated about an invoice at <paramref name="statedAt"/>; true when the cache changed.</summary>
    public static async Task<bool> ObserveAsync(
        ICatalogDb catalog, Guid tenantId, InvoiceFacts facts, DateTimeOffset statedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cached = await catalog.BillingInvoices.SingleOrDefaultAsync(i => i.Id == facts.Id, cancellationToken);
        if (cached is null)
        {
            catalog.BillingInvoices.Add(BillingInvoice.Create(tenantId, facts, statedAt, now));
            return true;
        }

        // An invoice id belongs to one customer for good: another tenant's event cannot take it over.
        return cached.TenantId == tenantId && cached.Observe(facts, statedAt, now);
    }

    public static async Task<BillingHistoryDto> ReadAsync(
        ICatalogDb catalog, Guid tenantId, bool billingEnabled, CancellationToken cancellationToken)
    {
        var hasCustomer = await catalog.Tenants.AsNoTracking()
            .AnyAsync(t => t.Id == tenantId && t.StripeCustomerId != null, cancellationToken);
        var invoices = await catalog.BillingInvoices.AsNoTracking()
            .Where(i => i.TenantId == tenantId)
            .OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id)
            .Take(MaxInvoicesShown)
            .ToListAsync(cancellationToken);
        var account = await catalog.BillingAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken);
        return new BillingHistoryDto(
            billingEnabled,
            hasCustomer,
            invoices.Select(ToDto).ToList(),
            account?.Card is { } card ? new PaymentCardDto(card.Brand, CardBrandName(card.Brand), card.Last4) : null,
            account?.NextInvoice is { } next ? new NextInvoiceDto(next.At, Money.ToMajorUnits(next.Amount, next.Currency), next.Currency.ToUpperInvariant()) : null,
            // A subscription change since the last read makes the next invoice unknown: the page reads Stripe again.
            account is { NextInvoiceStale: false } ? account.RefreshedAt : null);
    }

    private static InvoiceDto ToDto(BillingInvoice invoice) => new(
        invoice.Id,
        invoice.Number,
        invoice.Status,
        invoice.IssuedAt,
        invoice.PaidAt,
        Money.ToMajorUnits(invoice.Total, invoice.Currency),
        Money.ToMajorUnits(invoice.AmountDue, invoice.Currency),
        Money.ToMajorUnits(invoice.AmountPaid, invoice.Currency),
        invoice.Currency.ToUpperInvariant(),
        invoice.HostedInvoiceUrl,
        invoice.PdfUrl);

    /// <summary>Stripe's card brand codes in words; an unknown code is shown tidied rather than as a code.</summary>
    public static string CardBrandName(string brand) => brand.ToLowerInvariant() switch
    {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        "diners" => "Diners Club",
        "jcb" => "JCB",
        "unionpay" => "UnionPay",
        "cartes_bancaires" => "Cartes Bancaires",
        "eftpos_au" => "eftpos Australia",
        "interac" => "Interac",
        "link" => "Link",
        "unknown" or "" => "Card",
        var other => string.Join(' ', other.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
    };
}

/// <summary>Stripe's amounts are in the currency's smallest unit; these are the currencies whose unit is not a hundredth.</summary>
internal static class Money
{
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static readonly HashSet<string> ThreeDecimal = ["bhd", "jod", "kwd", "omr", "tnd"];

    public static decimal ToMajorUnits(long amount, string currency)
    {
        var code = currency.ToLowerInvariant();
        return ZeroDecimal.Contains(code) ? amount : ThreeDecimal.Contains(code) ? amount / 1000m : amount / 100m;
    }
}
