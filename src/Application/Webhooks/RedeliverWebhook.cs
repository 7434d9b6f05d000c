using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>
/// An admin sends a delivery again (the same event, with the same id): due at once, with a fresh day of retries. An
/// endpoint that turned itself off must be turned back on first.
/// </summary>
public sealed record RedeliverWebhook(Guid EndpointId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RedeliverWebhookHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RedeliverWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverWebhook command, CancellationToken cancellationToken)
    {
        var tenantId = currentUser.TenantId;
        var endpoint = await catalog.WebhookEndpoints.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == command.EndpointId && e.TenantId == tenantId, cancellationToken)
            ?? throw new NotFoundException("Webhook endpoint", command.EndpointId);
        var delivery = await catalog.WebhookDeliveries.SingleOrDefaultAsync(
                d => d.Id == command.DeliveryId && d.EndpointId == endpoint.Id && d.TenantId == tenantId, cancellationToken)
            ?? throw new NotFoundException("Delivery", command.DeliveryId);
        if (!endpoint.Enabled)
        {
            throw new ConflictException("This endpoint is turned off: turn it on first, then send the delivery again.");
        }

        delivery.Redeliver(clock.GetUtcNow());
        await catalog.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(delivery);
    }
}
