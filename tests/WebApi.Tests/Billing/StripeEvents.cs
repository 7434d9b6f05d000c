using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>Stripe's webhook signature scheme: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload" keyed with the secret&gt;</c>.</summary>
public static class StripeSignature
{
    public static string Header(string payload, string secret, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}

/// <summary>
/// Webhook payloads for one tenant's subscription, shaped as Stripe sends them (snapshot events with the object in
/// <c>data.object</c>). <c>second</c> places the event on Stripe's clock, from a fixed start, so tests can reorder them.
/// </summary>
public sealed class StripeEvents(Guid tenantId)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static int _counter;

    public Guid TenantId { get; } = tenantId;

    public string CustomerId { get; } = $"cus_{tenantId:N}"[..20];

    public string SubscriptionId { get; set; } = $"sub_{Guid.NewGuid():N}"[..24];

    public string CheckoutCompleted(string plan, int second, string? eventId = null) => Event(eventId, "checkout.session.completed", second, new JsonObject
    {
        ["id"] = $"cs_test_{Guid.NewGuid():N}",
        ["object"] = "checkout.session",
        ["mode"] = "subscription",
        ["status"] = "complete",
        ["payment_status"] = "paid",
        ["client_reference_id"] = TenantId.ToString(),
        ["customer"] = CustomerId,
        ["subscription"] = SubscriptionId,
        ["metadata"] = new JsonObject { ["tenant_id"] = TenantId.ToString(), ["plan"] = plan },
    });

    public string SubscriptionUpdated(string plan, string status, int second, string? eventId = null) =>
        Event(eventId, "customer.subscription.updated", second, Subscription(plan, status));

    public string SubscriptionDeleted(string plan, int second, string? eventId = null) =>
        Event(eventId, "customer.subscription.deleted", second, Subscription(plan, "canceled"));

    public string PaymentFailed(int second, string? eventId = null) => Event(eventId, "invoice.payment_failed", second, new JsonObject
    {
        ["id"] = $"in_{Guid.NewGuid():N}"[..20],
        ["object"] = "invoice",
        ["customer"] = CustomerId,
        ["status"] = "open",
        ["billing_reason"] = "subscription_cycle",
        ["attempt_count"] = 1,
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject
            {
                ["subscription"] = SubscriptionId,
                ["metadata"] = new JsonObject { ["tenant_id"] = TenantId.ToString() },
            },
        },
    });

    /// <summary>An <c>invoice.*</c> event (invoice.finalized, invoice.paid, ...) carrying the invoice as Stripe shapes it.</summary>
    public string InvoiceEvent(string type, JsonObject invoice, int second, string? eventId = null) => Event(eventId, type, second, invoice);

    /// <summary>A subscription invoice in Stripe's shape; amounts in the currency's smallest unit.</summary>
    public JsonObject Invoice(string id, string number, string status, long total, int second, string currency = "usd") => new()
    {
        ["id"] = id,
        ["object"] = "invoice",
        ["customer"] = CustomerId,
        ["number"] = number,
        ["status"] = status,
        ["currency"] = currency,
        ["total"] = total,
        ["subtotal"] = total,
        ["amount_due"] = total,
        ["amount_paid"] = status == "paid" ? total : 0,
        ["amount_remaining"] = status == "paid" ? 0 : total,
        ["billing_reason"] = "subscription_cycle",
        ["collection_method"] = "charge_automatically",
        ["created"] = Start.AddSeconds(second).ToUnixTimeSeconds(),
        ["hosted_invoice_url"] = $"https://invoice.stripe.test/i/{id}",
        ["invoice_pdf"] = $"https://pay.stripe.test/invoice/{id}/pdf",
        ["livemode"] = false,
        ["status_transitions"] = new JsonObject
        {
            ["finalized_at"] = Start.AddSeconds(second).ToUnixTimeSeconds(),
            ["paid_at"] = status == "paid" ? Start.AddSeconds(second).ToUnixTimeSeconds() : null,
        },
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject
            {
                ["subscription"] = SubscriptionId,
                ["metadata"] = new JsonObject { ["tenant_id"] = TenantId.ToString() },
            },
        },
    };

    private JsonObject Subscription(string plan, string status) => new()
    {
        ["id"] = SubscriptionId,
        ["object"] = "subscription",
        ["customer"] = CustomerId,
        ["status"] = status,
        ["created"] = Start.ToUnixTimeSeconds(),
        // Written at Checkout and never updated by the portal: the price is what says the plan.
        ["metadata"] = new JsonObject { ["tenant_id"] = TenantId.ToString(), ["plan"] = "basic" },
        ["items"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = $"si_{Guid.NewGuid():N}"[..20],
                ["object"] = "subscription_item",
                ["quantity"] = 1,
                ["price"] = new JsonObject
                {
                    ["id"] = StripeApiFactory.Prices[plan],
                    ["object"] = "price",
                    ["recurring"] = new JsonObject { ["interval"] = "month" },
                },
            }),
        },
    };

    private static string Event(string? eventId, string type, int second, JsonObject dataObject) => new JsonObject
    {
        ["id"] = eventId ?? $"evt_{Interlocked.Increment(ref _counter):D6}_{Guid.NewGuid():N}",
        ["object"] = "event",
        ["api_version"] = "2025-10-29.clover",
        ["created"] = Start.AddSeconds(second).ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();
}
