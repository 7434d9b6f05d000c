using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using BrandAutomator.Infrastructure.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace BrandAutomator.Infrastructure.Billing;

/// <summary>
/// The billing port on Stripe.net: Checkout sessions in subscription mode, billing portal sessions, and webhook events
/// verified with <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>. The API address
/// is configurable so that tests talk to a local fake that speaks Stripe's wire format.
/// </summary>
public sealed partial class StripeBillingGateway : IBillingGateway, IDisposable
{
    /// <summary>Stripe's own default: a signature older than five minutes is refused as a possible replay.</summary>
    public const long SignatureToleranceSeconds = 300;

    /// <summary>The metadata key (on the session and the subscription) that names our tenant.</summary>
    public const string TenantMetadataKey = "tenant_id";

    public const string PlanMetadataKey = "plan";

    private readonly BillingOptions _billing;
    private readonly string _publicBaseUrl;
    private readonly TimeProvider _clock;
    private readonly ILogger<StripeBillingGateway> _logger;
    private readonly HttpClient? _httpClient;
    private readonly StripeClient? _client;

    public StripeBillingGateway(
        IOptions<BillingOptions> billing, IOptions<EmailOptions> email, TimeProvider clock, ILogger<StripeBillingGateway> logger)
    {
        _billing = billing.Value;
        _publicBaseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        _clock = clock;
        _logger = logger;
        if (_billing.IsEnabled)
        {
            // One long-lived client; a bounded connection lifetime lets it follow DNS changes of the API host.
            _httpClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            // Network failures are retried by Stripe.net with the same idempotency key, which makes the retries safe.
            _client = new StripeClient(
                apiKey: _billing.StripeSecretKey,
                httpClient: new SystemNetHttpClient(_httpClient, maxNetworkRetries: 2, enableTelemetry: false),
                apiBase: _billing.StripeApiBase.TrimEnd('/'));
        }
    }

    public async Task<Uri> CreateCheckoutSessionAsync(CheckoutSessionRequest request, CancellationToken cancellationToken)
    {
        var tenantId = request.TenantId.ToString();
        var metadata = new Dictionary<string, string> { [TenantMetadataKey] = tenantId, [PlanMetadataKey] = request.Plan };
        var options = new SessionCreateOptions
        {
            Mode = "subscription",
            ClientReferenceId = tenantId,
            LineItems = [new SessionLineItemOptions { Price = request.PriceId, Quantity = 1 }],
            SuccessUrl = _billing.SuccessUrl is { Length: > 0 } success
                ? success
                : $"{_publicBaseUrl}/settings/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}",
            CancelUrl = _billing.CancelUrl is { Length: > 0 } cancel ? cancel : $"{_publicBaseUrl}/settings/billing?checkout=cancelled",
            Metadata = metadata,
            // Copied onto the subscription, so that its events and its invoices' events name the tenant too.
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            // A returning customer keeps one Stripe customer (payment methods, invoices); a new one is made from the e-mail.
            Customer = request.CustomerId,
            CustomerEmail = request.CustomerId is null ? request.CustomerEmail : null,
        };

        var session = await CallAsync(
            client => new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken),
            "open a Checkout session");
        return Uri.TryCreate(session.Url, UriKind.Absolute, out var url)
            ? url
            : throw new ExternalServiceException("Stripe", "Stripe returned a Checkout session without a page address.");
    }

    public async Task<Uri> CreatePortalSessionAsync(string customerId, CancellationToken cancellationToken)
    {
        var options = new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = _billing.PortalReturnUrl is { Length: > 0 } back ? back : $"{_publicBaseUrl}/settings/billing",
        };
        var session = await CallAsync(
            client => new Stripe.BillingPortal.SessionService(client).CreateAsync(options, cancellationToken: cancellationToken),
            "open the billing portal");
        return Uri.TryCreate(session.Url, UriKind.Absolute, out var url)
            ? url
            : throw new ExternalServiceException("Stripe", "Stripe returned a billing portal session without a page address.");
    }

    public BillingWebhookEvent ReadWebhookEvent(string payload, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw InputValidationException.For("Stripe-Signature", "The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            // Test payloads and accounts pinned to another API version are still read: the fields used here are stable.
            stripeEvent = EventUtility.ConstructEvent(
                payload, signatureHeader, _billing.StripeWebhookSecret, SignatureToleranceSeconds,
                _clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            LogRefused(_logger, ex.Message);
            throw InputValidationException.For("Stripe-Signature",
                "The webhook signature is missing, forged or older than five minutes, or the body is not a Stripe event.");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or FormatException)
        {
            // Stripe.net reads events with System.Text.Json and falls back to Json.NET for some shapes; either may refuse.
            throw InputValidationException.For("body", "The body is signed but is not a Stripe event in JSON.");
        }

        if (string.IsNullOrWhiteSpace(stripeEvent.Id) || string.IsNullOrWhiteSpace(stripeEvent.Type))
        {
            throw InputValidationException.For("body", "The body is signed but is not a Stripe event: it has no id or type.");
        }

        return Read(stripeEvent);
    }

    public void Dispose() => _httpClient?.Dispose();

    private static BillingWebhookEvent Read(Event stripeEvent)
    {
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var unhandled = new BillingWebhookEvent(stripeEvent.Id, stripeEvent.Type, created, null, null, null, null, null, null, SubscriptionStatus.None);
        return (stripeEvent.Type, stripeEvent.Data?.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session { Mode: "subscription" } session) => unhandled with
            {
                Kind = BillingEventKind.CheckoutCompleted,
                TenantId = TenantFrom(session.ClientReferenceId) ?? TenantFrom(session.Metadata),
                CustomerId = session.CustomerId,
                SubscriptionId = session.SubscriptionId,
                // Stripe leaves line items out of webhook payloads unless expanded; the metadata names the plan then.
                PriceId = session.LineItems?.Data?.FirstOrDefault()?.Price?.Id,
                PlanFromMetadata = session.Metadata?.GetValueOrDefault(PlanMetadataKey),
                // Paid now, or nothing to pay (a 100% coupon); "unpaid" is a delayed payment method still clearing.
                Status = session.PaymentStatus is "paid" or "no_payment_required" ? SubscriptionStatus.Active : SubscriptionStatus.Incomplete,
            },
            (EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted,
                Subscription subscription) => unhandled with
            {
                Kind = stripeEvent.Type switch
                {
                    EventTypes.CustomerSubscriptionCreated => BillingEventKind.SubscriptionCreated,
                    EventTypes.CustomerSubscriptionUpdated => BillingEventKind.SubscriptionUpdated,
                    _ => BillingEventKind.SubscriptionDeleted,
                },
                TenantId = TenantFrom(subscription.Metadata),
                CustomerId = subscription.CustomerId,
                SubscriptionId = subscription.Id,
                PriceId = subscription.Items?.Data?.FirstOrDefault()?.Price?.Id,
                PlanFromMetadata = subscription.Metadata?.GetValueOrDefault(PlanMetadataKey),
                Status = stripeEvent.Type == EventTypes.CustomerSubscriptionDeleted ? SubscriptionStatus.Canceled : StatusFrom(subscription.Status),
            },
            (EventTypes.InvoicePaymentFailed, Invoice { Parent.SubscriptionDetails: { } details } invoice) => InvoiceEvent(unhandled, invoice) with
            {
                Kind = BillingEventKind.PaymentFailed,
                TenantId = TenantFrom(details.Metadata),
                CustomerId = invoice.CustomerId,
                SubscriptionId = details.SubscriptionId,
                // The first invoice failing leaves a subscription incomplete; a renewal failing makes it past due.
                Status = invoice.BillingReason == "subscription_create" ? SubscriptionStatus.Incomplete : SubscriptionStatus.PastDue,
            },
            // Every other invoice.* event only updates the billing history.
            (_, Invoice invoice) when stripeEvent.Type.StartsWith("invoice.", StringComparison.Ordinal) => InvoiceEvent(unhandled, invoice),
            _ => unhandled,
        };
    }

    private static SubscriptionStatus StatusFrom(string? status) => status switch
    {
        "incomplete" => SubscriptionStatus.Incomplete,
        "incomplete_expired" => SubscriptionStatus.IncompleteExpired,
        "trialing" => SubscriptionStatus.Trialing,
        "active" => SubscriptionStatus.Active,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "canceled" => SubscriptionStatus.Canceled,
        "paused" => SubscriptionStatus.Paused,
        // A status added by Stripe after this code was written grants nothing until it is understood here.
        _ => SubscriptionStatus.Unpaid,
    };

    private static Guid? TenantFrom(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private static Guid? TenantFrom(Dictionary<string, string>? metadata) => TenantFrom(metadata?.GetValueOrDefault(TenantMetadataKey));

    private async Task<T> CallAsync<T>(Func<StripeClient, Task<T>> call, string what)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("Billing is off: Billing:StripeSecretKey is not set.");
        }

        try
        {
            return await call(_client);
        }
        catch (StripeException ex)
        {
            LogFailed(_logger, ex, what, (int)ex.HttpStatusCode, ex.StripeError?.Code);
            throw new ExternalServiceException("Stripe", $"Stripe could not {what}. Try again in a moment; if it keeps failing, contact support.", ex);
        }
        catch (HttpRequestException ex)
        {
            LogFailed(_logger, ex, what, 0, null);
            throw new ExternalServiceException("Stripe", $"Stripe could not be reached to {what}. Try again in a moment.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe failed to {What}: HTTP {Status}, code {Code}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what, int status, string? code);
}
