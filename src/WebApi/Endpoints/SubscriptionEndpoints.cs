using System.Text;
using BrandAutomator.Application.Billing;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace BrandAutomator.WebApi.Endpoints;

public static class SubscriptionEndpoints
{
    /// <summary>Stripe's events are a few kilobytes; anything near this is not one.</summary>
    public const long MaxWebhookBytes = 1024 * 1024;

    public sealed record CreateSessionRequest(string Plan);

    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions");

        subscriptions.MapGet("/plans", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPlans(), ct)))
            .AllowAnonymous()
            .WithName("ListPlans")
            .WithSummary("The plans on offer, and whether billing is on.");

        subscriptions.MapPost("/create-session", async (
                    CreateSessionRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CreateCheckoutSession(body.Plan ?? "", idempotencyKey), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateCheckoutSession")
            .WithSummary("Open a Stripe Checkout session for a plan; send the user to the returned url.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        subscriptions.MapGet("/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSubscriptionStatus(), ct)))
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetSubscriptionStatus")
            .WithSummary("The tenant's plan, subscription status, limits and usage.");

        subscriptions.MapGet("/invoices", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBillingHistory(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("GetBillingHistory")
            .WithSummary("The workspace's invoices, payment card and next invoice, as last received from Stripe (no call to Stripe).");

        subscriptions.MapPost("/invoices/refresh", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RefreshBillingHistory(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RefreshBillingHistory")
            .WithSummary("Read the invoices, payment card and next invoice from Stripe now, and return the updated history.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        subscriptions.MapPost("/portal", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new OpenBillingPortal(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("OpenBillingPortal")
            .WithSummary("Open Stripe's billing portal (change plan, payment method, invoices, cancel).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        subscriptions.MapPost("/webhook", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxWebhookBytes;
                }

                // The signature covers the exact bytes sent, so the body is read raw, never bound and re-serialised.
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var payload = await reader.ReadToEndAsync(ct);
                var signature = request.Headers["Stripe-Signature"].ToString();
                return TypedResults.Ok(await sender.Send(new HandleStripeWebhook(payload, signature.Length == 0 ? null : signature), ct));
            })
            .AllowAnonymous()
            // Stripe delivers in bursts from a few addresses, and a 429 would only delay a customer's upgrade; forged
            // requests are refused by the signature check before they reach the database.
            .DisableRateLimiting()
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("HandleStripeWebhook")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Stripe's webhook endpoint: signed events (Stripe-Signature header) that change subscriptions.");
        return app;
    }
}
