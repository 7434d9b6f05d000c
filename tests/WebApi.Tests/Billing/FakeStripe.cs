using System.Net;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>
/// Stripe's API as far as billing uses it, on a local WireMock server: Stripe.net sends form-encoded bodies
/// (<c>line_items[0][price]=...</c>) and reads JSON objects back, exactly as with the real API.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    public const string CheckoutUrl = "https://checkout.stripe.test/c/pay/cs_test_fake";
    public const string PortalUrl = "https://billing.stripe.test/p/session/bps_test_fake";

    // WireMock tries lower numbers first: a test's own answer (a refusal) goes before these.
    private const int DefaultPriority = 100;

    private readonly WireMockServer _server;

    public FakeStripe(WireMockServer server)
    {
        _server = server;
        _server.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .AtPriority(DefaultPriority)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json").WithBody($$"""
                {
                  "id": "cs_test_fake",
                  "object": "checkout.session",
                  "mode": "subscription",
                  "status": "open",
                  "payment_status": "unpaid",
                  "url": "{{CheckoutUrl}}"
                }
                """));
        _server.Given(Request.Create().WithPath("/v1/billing_portal/sessions").UsingPost())
            .AtPriority(DefaultPriority)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json").WithBody($$"""
                {
                  "id": "bps_test_fake",
                  "object": "billing_portal.session",
                  "customer": "cus_test",
                  "url": "{{PortalUrl}}"
                }
                """));
    }

    public string Url => _server.Url!;

    /// <summary>From now on Stripe refuses this tenant's Checkout sessions as it does an unknown price.</summary>
    public void RefuseCheckoutFor(Guid tenantId) =>
        _server.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()
                .WithBody(new WildcardMatcher($"*client_reference_id={tenantId}*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.BadRequest).WithHeader("Content-Type", "application/json").WithBody("""
                {
                  "error": {
                    "type": "invalid_request_error",
                    "code": "resource_missing",
                    "param": "line_items[0][price]",
                    "message": "No such price: 'price_pro_monthly'"
                  }
                }
                """));

    /// <summary>
    /// What Stripe's API answers about one customer from now on: its invoices (GET /v1/invoices?customer=), its card
    /// (GET /v1/customers/{id}, default payment method expanded) and its next invoice (POST /v1/invoices/create_preview;
    /// Stripe's invoice_upcoming_none when there is none).
    /// </summary>
    public void HasAccount(string customerId, IEnumerable<JsonObject> invoices, (string Brand, string Last4)? card, (DateTimeOffset At, long Amount)? next)
    {
        var list = new JsonObject
        {
            ["object"] = "list",
            ["url"] = "/v1/invoices",
            ["has_more"] = false,
            ["data"] = new JsonArray(invoices.Select(i => (JsonNode)i.DeepClone()).ToArray()),
        };
        _server.Given(Request.Create().WithPath("/v1/invoices").UsingGet().WithParam("customer", customerId))
            .AtPriority(10)
            .RespondWith(Json(HttpStatusCode.OK, list));

        var customer = new JsonObject
        {
            ["id"] = customerId,
            ["object"] = "customer",
            ["invoice_settings"] = new JsonObject
            {
                ["default_payment_method"] = card is { } c
                    ? new JsonObject
                    {
                        ["id"] = "pm_test_card",
                        ["object"] = "payment_method",
                        ["type"] = "card",
                        ["card"] = new JsonObject { ["brand"] = c.Brand, ["last4"] = c.Last4, ["exp_month"] = 12, ["exp_year"] = 2030 },
                    }
                    : null,
            },
        };
        _server.Given(Request.Create().WithPath($"/v1/customers/{customerId}").UsingGet())
            .AtPriority(10)
            .RespondWith(Json(HttpStatusCode.OK, customer));
        _server.Given(Request.Create().WithPath("/v1/payment_methods").UsingGet().WithParam("customer", customerId))
            .AtPriority(10)
            .RespondWith(Json(HttpStatusCode.OK, new JsonObject { ["object"] = "list", ["has_more"] = false, ["data"] = new JsonArray() }));

        var preview = _server.Given(Request.Create().WithPath("/v1/invoices/create_preview").UsingPost()
                .WithBody(new WildcardMatcher($"*customer={customerId}*")))
            .AtPriority(10);
        preview.RespondWith(next is { } n
            ? Json(HttpStatusCode.OK, new JsonObject
            {
                ["object"] = "invoice",
                ["customer"] = customerId,
                ["status"] = "draft",
                ["currency"] = "usd",
                ["amount_due"] = n.Amount,
                ["total"] = n.Amount,
                ["created"] = n.At.ToUnixTimeSeconds(),
                ["next_payment_attempt"] = n.At.ToUnixTimeSeconds(),
            })
            : Json(HttpStatusCode.NotFound, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["type"] = "invalid_request_error",
                    ["code"] = "invoice_upcoming_none",
                    ["message"] = "No upcoming invoices for customer: " + customerId,
                },
            }));
    }

    private static IResponseBuilder Json(HttpStatusCode status, JsonNode body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    /// <summary>The requests Stripe received on <paramref name="path"/>, oldest first.</summary>
    public IReadOnlyList<StripeRequest> Requests(string path) =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(StripeRequest.From)
            .ToList();

    public void Dispose() => _server.Stop();
}

/// <summary>One request as Stripe saw it: its form fields, decoded, and its headers.</summary>
public sealed record StripeRequest(IReadOnlyDictionary<string, string> Form, IReadOnlyDictionary<string, string> Headers)
{
    public static StripeRequest From(ILogEntry entry)
    {
        var form = (entry.RequestMessage.Body ?? "")
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : "", StringComparer.Ordinal);
        var headers = (entry.RequestMessage.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new StripeRequest(form, headers);
    }
}
