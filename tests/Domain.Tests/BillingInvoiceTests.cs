using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Tests;

public sealed class BillingInvoiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Tenant = Guid.CreateVersion7(T0);

    private static InvoiceFacts Facts(InvoiceStatus status, string? number = "N-0001", string? hosted = "https://invoice.stripe.test/i/in_1") =>
        new("in_1", number, status, "USD", 7900, 7900, status == InvoiceStatus.Paid ? 7900 : 0, T0, status == InvoiceStatus.Paid ? T0 : null, hosted, null);

    [Fact]
    public void A_newer_statement_replaces_the_invoice_and_an_older_one_changes_nothing()
    {
        var invoice = BillingInvoice.Create(Tenant, Facts(InvoiceStatus.Open), T0, T0);

        Assert.True(invoice.Observe(Facts(InvoiceStatus.Paid), T0.AddSeconds(5), T0.AddSeconds(6)));
        Assert.False(invoice.Observe(Facts(InvoiceStatus.Open), T0.AddSeconds(1), T0.AddSeconds(7)));

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(7900, invoice.AmountPaid);
        Assert.Equal("usd", invoice.Currency);
    }

    [Fact]
    public void Two_statements_in_one_second_keep_the_one_further_along()
    {
        var invoice = BillingInvoice.Create(Tenant, Facts(InvoiceStatus.Paid), T0, T0);

        Assert.False(invoice.Observe(Facts(InvoiceStatus.Open), T0, T0));
        Assert.True(invoice.Observe(Facts(InvoiceStatus.Paid), T0, T0));
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void A_later_statement_without_a_number_or_link_keeps_the_ones_known()
    {
        var invoice = BillingInvoice.Create(Tenant, Facts(InvoiceStatus.Open), T0, T0);

        invoice.Observe(Facts(InvoiceStatus.Paid, number: null, hosted: null), T0.AddSeconds(1), T0.AddSeconds(1));

        Assert.Equal("N-0001", invoice.Number);
        Assert.Equal("https://invoice.stripe.test/i/in_1", invoice.HostedInvoiceUrl);
    }

    [Fact]
    public void Facts_about_another_invoice_or_without_a_currency_are_refused()
    {
        var invoice = BillingInvoice.Create(Tenant, Facts(InvoiceStatus.Open), T0, T0);

        Assert.Throws<DomainRuleException>(() => invoice.Observe(Facts(InvoiceStatus.Paid) with { Id = "in_2" }, T0.AddSeconds(1), T0));
        Assert.Throws<DomainRuleException>(() => BillingInvoice.Create(Tenant, Facts(InvoiceStatus.Open) with { Currency = "" }, T0, T0));
    }

    [Fact]
    public void The_account_keeps_only_the_last_four_digits()
    {
        var account = BillingAccount.For(Tenant);

        account.Refresh(new PaymentCard("visa", "4242424242424242"), new UpcomingInvoice(T0.AddDays(30), 7900, "USD"), T0);

        Assert.Equal(new PaymentCard("visa", "4242"), account.Card);
        Assert.Equal("usd", account.NextInvoice!.Currency);
    }
}
