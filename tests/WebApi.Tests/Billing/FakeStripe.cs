using System.Net;
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
