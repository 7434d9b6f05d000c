using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>
/// An admin sends a test event to one endpoint, signed and retried like any other, to check the receiver: it appears in
/// the delivery log within seconds.
/// </summary>
public sealed record SendTestWebhook(Guid EndpointId) : ICommand<WebhookDeliveryDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class SendTestWebhookHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SendTestWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendTestWebhook command, CancellationToken cancellationToken)
    {
        var tenantId = currentUser.TenantId;
        var endpoint = await catalog.WebhookEndpoints.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == command.EndpointId && e.TenantId == tenantId, cancellationToken)
            ?? throw new NotFoundException("Webhook endpoint", command.EndpointId);
        if (!endpoint.Enabled)
        {
            throw new ConflictException("This endpoint is turned off: turn it on first, then send a test event.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var payload = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = WebhookEvent.PublicIdOf(id),
            type = WebhookEventTypes.Test,
            timestamp = now,
            data = new { endpointId = endpoint.Id, message = "A test event from AI Brand Automator: this endpoint receives and verifies events." },
        });
        var evt = WebhookEvent.Raise(id, tenantId, WebhookEventTypes.Test, payload, now);
        // Fanned out here, to this endpoint alone: the dispatcher never offers a test event to the others.
        evt.MarkDispatched(now);
        var delivery = WebhookDelivery.Create(evt, endpoint.Id, now);
        catalog.WebhookEvents.Add(evt);
        catalog.WebhookDeliveries.Add(delivery);
        await catalog.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(delivery);
    }
}
