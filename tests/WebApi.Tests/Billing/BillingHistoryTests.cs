using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>
/// The billing history: invoices kept from Stripe's invoice.* events (shown with no call to Stripe), and the card and
/// next invoice read from Stripe's API on demand, against the WireMock Stripe.
/// </summary>
public sealed class BillingHistoryTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    [Fact]
    public async Task An_invoice_paid_event_shows_in_the_history_with_its_amount_links_and_status()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");
        var invoice = events.Invoice(InvoiceId(), "A1B2C3-0001", "paid", 7900, second: 10);
        var stripeReads = factory.Stripe.Requests("/v1/invoices").Count;

        Assert.Equal("applied", await factory.DeliverOkAsync(events.InvoiceEvent("invoice.paid", invoice, second: 10)));

        var history = await HistoryAsync(admin);
        var row = Assert.Single(history["invoices"]!.AsArray())!;
        Assert.Equal("A1B2C3-0001", row["number"]!.GetValue<string>());
        Assert.Equal("paid", row["status"]!.GetValue<string>());
        Assert.Equal(79.00m, row["total"]!.GetValue<decimal>());
        Assert.Equal(79.00m, row["amountPaid"]!.GetValue<decimal>());
        Assert.Equal("USD", row["currency"]!.GetValue<string>());
        Assert.Equal(StripeEvents.Start.AddSeconds(10), row["issuedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal($"https://invoice.stripe.test/i/{invoice["id"]}", row["hostedInvoiceUrl"]!.GetValue<string>());
        Assert.Equal($"https://pay.stripe.test/invoice/{invoice["id"]}/pdf", row["pdfUrl"]!.GetValue<string>());
        Assert.True(history["hasCustomer"]!.GetValue<bool>());
        // Shown from the event alone: Stripe was not asked.
        Assert.Equal(stripeReads, factory.Stripe.Requests("/v1/invoices").Count);
    }

    [Fact]
    public async Task A_redelivered_invoice_event_is_a_duplicate_and_keeps_one_invoice()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        var id = InvoiceId();
        var payload = events.InvoiceEvent("invoice.paid", events.Invoice(id, "R-0001", "paid", 2900, second: 10), second: 10);

        Assert.Equal("applied", await factory.DeliverOkAsync(payload));
        Assert.Equal("duplicate", await factory.DeliverOkAsync(payload));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.DeliverOkAsync(payload)));

        Assert.All(outcomes, o => Assert.Equal("duplicate", o));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.billing_invoices WHERE id = '{id}'"));
        Assert.Single((await HistoryAsync(admin))["invoices"]!.AsArray());
    }

    [Fact]
    public async Task Invoice_events_in_any_order_end_with_the_invoice_paid()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");
        var id = InvoiceId();
        var finalized = events.InvoiceEvent("invoice.finalized", events.Invoice(id, "O-0001", "open", 7900, second: 10), second: 10);
        var paid = events.InvoiceEvent("invoice.paid", events.Invoice(id, "O-0001", "paid", 7900, second: 10), second: 12);

        Assert.Equal("applied", await factory.DeliverOkAsync(paid));
        // Stripe does not promise order: the older event arrives late and moves nothing back.
        Assert.Equal("stale", await factory.DeliverOkAsync(finalized));

        var row = Assert.Single((await HistoryAsync(admin))["invoices"]!.AsArray())!;
        Assert.Equal("paid", row["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_reads_the_invoices_card_and_next_invoice_from_stripe()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");
        var nextAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        factory.Stripe.HasAccount(
            events.CustomerId,
            [
                events.Invoice(InvoiceId(), "F-0002", "open", 7900, second: 200),
                events.Invoice(InvoiceId(), "F-0001", "paid", 7900, second: 100),
                events.Invoice(InvoiceId(), "F-JPY", "paid", 1200, second: 50, currency: "jpy"),
            ],
            card: ("amex", "0005"),
            next: (nextAt, 7900));

        var response = await admin.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var history = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var invoices = history["invoices"]!.AsArray();
        Assert.Equal(["F-0002", "F-0001", "F-JPY"], invoices.Select(i => i!["number"]!.GetValue<string>()));
        Assert.Equal(["open", "paid", "paid"], invoices.Select(i => i!["status"]!.GetValue<string>()));
        // Yen have no cents: Stripe's 1200 is ¥1,200.
        Assert.Equal(1200m, invoices[2]!["total"]!.GetValue<decimal>());
        Assert.Equal("JPY", invoices[2]!["currency"]!.GetValue<string>());
        Assert.Equal("amex", history["paymentMethod"]!["brand"]!.GetValue<string>());
        Assert.Equal("American Express", history["paymentMethod"]!["brandName"]!.GetValue<string>());
        Assert.Equal("0005", history["paymentMethod"]!["last4"]!.GetValue<string>());
        Assert.Equal(nextAt, history["nextInvoice"]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(79m, history["nextInvoice"]!["amount"]!.GetValue<decimal>());
        Assert.NotNull(history["refreshedAt"]);

        var listed = factory.Stripe.Requests("/v1/invoices")[^1];
        Assert.Equal($"Bearer {StripeApiFactory.SecretKey}", listed.Headers["Authorization"]);
        Assert.Contains(factory.Stripe.Requests("/v1/invoices/create_preview"), r => r.Form.GetValueOrDefault("subscription") == events.SubscriptionId);

        // The cache keeps it: reading again asks Stripe nothing.
        var before = factory.Stripe.Requests("/v1/invoices").Count;
        Assert.Equal(3, (await HistoryAsync(admin))["invoices"]!.AsArray().Count);
        Assert.Equal(before, factory.Stripe.Requests("/v1/invoices").Count);
    }

    [Fact]
    public async Task A_plan_change_makes_the_next_invoice_unknown_until_stripe_is_read_again()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        factory.Stripe.HasAccount(events.CustomerId, [], card: ("visa", "4242"), next: (StripeEvents.Start.AddDays(30), 2900));
        await (await admin.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null)).EnsureStatusAsync(HttpStatusCode.OK);

        await factory.DeliverOkAsync(events.SubscriptionUpdated("pro", "active", second: 60));

        var history = await HistoryAsync(admin);
        Assert.Null(history["nextInvoice"]);
        Assert.Null(history["refreshedAt"]);
        Assert.Equal("4242", history["paymentMethod"]!["last4"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_of_a_subscription_with_nothing_more_to_bill_shows_no_next_invoice()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        factory.Stripe.HasAccount(events.CustomerId, [], card: null, next: null);

        var response = await admin.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var history = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Null(history["nextInvoice"]);
        Assert.Null(history["paymentMethod"]);
        Assert.Empty(history["invoices"]!.AsArray());
    }

    [Fact]
    public async Task A_workspace_that_never_subscribed_has_an_empty_history_and_refresh_asks_stripe_nothing()
    {
        var admin = await factory.RegisterAsync();
        var before = factory.Stripe.Requests("/v1/invoices").Count;

        var response = await admin.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var history = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(history["hasCustomer"]!.GetValue<bool>());
        Assert.Empty(history["invoices"]!.AsArray());
        Assert.Equal(before, factory.Stripe.Requests("/v1/invoices").Count);
    }

    [Fact]
    public async Task Only_admins_see_the_billing_history_and_no_workspace_sees_another_s()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "enterprise");
        await factory.DeliverOkAsync(events.InvoiceEvent("invoice.paid", events.Invoice(InvoiceId(), "E-0001", "paid", 19900, second: 10), second: 10));
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");
        var stranger = await factory.RegisterAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync("/api/v1/subscriptions/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null)).StatusCode);
        Assert.Empty((await HistoryAsync(stranger))["invoices"]!.AsArray());
        Assert.Single((await HistoryAsync(admin))["invoices"]!.AsArray());
    }

    private static string InvoiceId() => $"in_{Guid.NewGuid():N}"[..24];

    private static async Task<JsonObject> HistoryAsync(Account account)
    {
        var response = await account.Client.GetAsync("/api/v1/subscriptions/invoices");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
