using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using WireMock.Server;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>The API with billing on, talking to a local fake Stripe (WireMock) instead of api.stripe.com.</summary>
public sealed class StripeApiFactory : ApiFactory
{
    public const string SecretKey = "sk_test_functional";
    public const string WebhookSecret = "whsec_functional_tests_secret";
    public const string PublicBaseUrl = "https://app.brandautomator.test";

    public static readonly IReadOnlyDictionary<string, string> Prices = new Dictionary<string, string>
    {
        ["basic"] = "price_basic_monthly",
        ["pro"] = "price_pro_monthly",
        ["enterprise"] = "price_enterprise_monthly",
    };

    public FakeStripe Stripe { get; } = new(WireMockServer.Start());

    public override async Task InitializeAsync()
    {
        WithSetting("Billing:StripeSecretKey", SecretKey);
        WithSetting("Billing:StripeWebhookSecret", WebhookSecret);
        WithSetting("Billing:StripeApiBase", Stripe.Url);
        WithSetting("Email:PublicBaseUrl", PublicBaseUrl);
        // Only the prices are configured: names, prices and limits come from the built-in price list.
        foreach (var (plan, price) in Prices)
        {
            WithSetting($"Billing:Plans:{plan}:StripePriceId", price);
        }

        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Stripe.Dispose();
        await base.DisposeAsync();
    }
}

public static class BillingApi
{
    public static async Task<JsonObject> StatusAsync(this Account account)
    {
        var response = await account.Client.GetAsync("/api/v1/subscriptions/status");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Delivers a webhook as Stripe does: the body as sent, signed at <paramref name="signedAt"/> (now by default).</summary>
    public static Task<HttpResponseMessage> DeliverAsync(
        this ApiFactory factory, string payload, DateTimeOffset? signedAt = null, string secret = StripeApiFactory.WebhookSecret) =>
        factory.PostWebhookAsync(payload, StripeSignature.Header(payload, secret, signedAt ?? DateTimeOffset.UtcNow));

    public static async Task<HttpResponseMessage> PostWebhookAsync(this ApiFactory factory, string payload, string? signatureHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions/webhook")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    /// <summary>Delivers the event and expects Stripe's delivery to succeed; returns the receipt's outcome.</summary>
    public static async Task<string> DeliverOkAsync(this ApiFactory factory, string payload)
    {
        var response = await factory.DeliverAsync(payload);
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>();
    }

    /// <summary>The tenant subscribes to <paramref name="plan"/> through a completed Checkout.</summary>
    public static async Task<StripeEvents> SubscribeAsync(this ApiFactory factory, Account account, string plan)
    {
        var events = new StripeEvents(account.TenantId);
        Assert.Equal("applied", await factory.DeliverOkAsync(events.CheckoutCompleted(plan, second: 0)));
        return events;
    }

    public static Task<HttpResponseMessage> CreateBrandAsync(this Account account, string name) =>
        account.Client.PostAsJsonAsync("/api/v1/companies", new { name });
}
