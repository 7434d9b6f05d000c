using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An admin deletes an endpoint with its delivery log; nothing more is sent to it.</summary>
public sealed record DeleteWebhookEndpoint(Guid Id) : ICommand<Unit>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteWebhookEndpointHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<DeleteWebhookEndpoint, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhookEndpoint command, CancellationToken cancellationToken)
    {
        var endpoint = await catalog.WebhookEndpoints.SingleOrDefaultAsync(
                e => e.Id == command.Id && e.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("Webhook endpoint", command.Id);
        catalog.WebhookEndpoints.Remove(endpoint);
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.WebhookEndpointChanged, endpoint.TenantId, currentUser.UserId,
            $"Deleted webhook endpoint {endpoint.Url}.", cancellationToken);
        return Unit.Value;
    }
}
