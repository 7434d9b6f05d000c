using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Webhooks;

/// <summary>What one round of the delivery job did.</summary>
public sealed record WebhookRoundResult(int Dispatched, int Delivered, int Failed, int Disabled);

/// <summary>
/// One round of the clustered delivery job, for every tenant at once: new outbox events become one delivery per endpoint
/// subscribed to them, then due deliveries are claimed (<c>FOR UPDATE SKIP LOCKED</c>, and a lease, so no other run
/// sends them meanwhile), sent, and their outcome logged. At least once: a run that dies after sending leaves its
/// deliveries to be sent again when the lease ends, with the same event id, so receivers drop the repeat.
/// </summary>
public sealed record DeliverWebhooks : ICommand<WebhookRoundResult>;

public sealed class DeliverWebhooksHandler(
    ICatalogDb catalog, IWebhookSender sender, IWebhookSecretProtector protector, WebhookEndpointAlarm alarm,
    IOptions<WebhookOptions> options, TimeProvider clock) : ICommandHandler<DeliverWebhooks, WebhookRoundResult>
{
    public async ValueTask<WebhookRoundResult> Handle(DeliverWebhooks command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var dispatched = await DispatchAsync(settings.BatchSize * 4, cancellationToken);
        var claimed = await ClaimAsync(settings, cancellationToken);
        if (claimed.Count == 0)
        {
            return new WebhookRoundResult(dispatched, 0, 0, 0);
        }

        var endpointIds = claimed.Select(c => c.Delivery.EndpointId).Distinct().ToList();
        var endpoints = await catalog.WebhookEndpoints.Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var eventIds = claimed.Select(c => c.Delivery.EventId).Distinct().ToList();
        var events = await catalog.WebhookEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var secrets = endpoints.Values.ToDictionary(e => e.Id, e => protector.Unprotect(e.ProtectedSecret));

        // The requests go out side by side; the database is written afterwards, on this one context.
        using var gate = new SemaphoreSlim(settings.Concurrency);
        var sent = await Task.WhenAll(claimed.Select(async c =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var endpoint = endpoints[c.Delivery.EndpointId];
                var evt = events[c.Delivery.EventId];
                var started = clock.GetUtcNow();
                // Not cancelled on shutdown: a request cut off half-way is logged as failed and simply sent again.
                var result = await sender.SendAsync(
                    new WebhookMessage(new Uri(endpoint.Url), evt.PublicId, started, evt.Payload, secrets[endpoint.Id]), CancellationToken.None);
                return (c.Delivery, c.Number, Started: started, Result: result);
            }
            finally
            {
                gate.Release();
            }
        }));

        int delivered = 0, failed = 0;
        var disabled = new List<WebhookEndpoint>();
        foreach (var (delivery, number, started, result) in sent.OrderBy(s => s.Started))
        {
            var now = clock.GetUtcNow();
            var endpoint = endpoints[delivery.EndpointId];
            catalog.WebhookAttempts.Add(WebhookAttempt.Record(delivery, number, started, result.Duration, result.StatusCode, result.Delivered, result.Error));
            if (result.Delivered)
            {
                delivered++;
                delivery.Succeed(result.StatusCode ?? 200, now);
                endpoint.RecordSuccess(now);
                continue;
            }

            failed++;
            delivery.Fail(result.StatusCode, result.Error ?? "The receiver did not accept the event.",
                now + settings.Backoff(number, Random.Shared.NextDouble()), settings.RetryWindow, now);
            if (endpoint.RecordFailure(now, settings.DisableAfterConsecutiveFailures, settings.DisableAfterFailing))
            {
                disabled.Add(endpoint);
            }
        }

        await catalog.SaveChangesAsync(CancellationToken.None);
        foreach (var endpoint in disabled)
        {
            await alarm.TellAdminsAsync(endpoint, CancellationToken.None);
        }

        return new WebhookRoundResult(dispatched, delivered, failed, disabled.Count);
    }

    /// <summary>Makes a delivery for every enabled endpoint that subscribes to each waiting event, in one transaction.</summary>
    private async Task<int> DispatchAsync(int limit, CancellationToken cancellationToken)
    {
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var waiting = await catalog.LockWaitingWebhookEventsAsync(limit, cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var tenantIds = waiting.Select(e => e.TenantId).Distinct().ToList();
        var endpoints = await catalog.WebhookEndpoints.AsNoTracking()
            .Where(e => tenantIds.Contains(e.TenantId) && e.Enabled).ToListAsync(cancellationToken);
        foreach (var evt in waiting)
        {
            foreach (var endpoint in endpoints.Where(e => e.TenantId == evt.TenantId && e.Subscribes(evt.Type)))
            {
                catalog.WebhookDeliveries.Add(WebhookDelivery.Create(evt, endpoint.Id, now));
            }

            evt.MarkDispatched(now);
        }

        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return waiting.Count;
    }

    /// <summary>Takes the due deliveries for this round: each counts its attempt and is leased past the request's timeout.</summary>
    private async Task<List<(WebhookDelivery Delivery, int Number)>> ClaimAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await catalog.LockDueWebhookDeliveriesAsync(now, settings.BatchSize, cancellationToken);
        var lease = now + settings.Timeout * 2 + TimeSpan.FromSeconds(30);
        var claimed = due.Select(d => (d, d.Claim(lease))).ToList();
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
