using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An admin changes an endpoint's address, description or events, or turns it off or back on.</summary>
public sealed record UpdateWebhookEndpoint(Guid Id, string Url, string? Description, IReadOnlyList<string> Events, bool Enabled)
    : ICommand<WebhookEndpointDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class UpdateWebhookEndpointHandler(
    ICatalogDb catalog, ICurrentUser currentUser, IWebhookTargetPolicy policy, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<UpdateWebhookEndpoint, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(UpdateWebhookEndpoint command, CancellationToken cancellationToken)
    {
        var endpoint = await catalog.WebhookEndpoints.SingleOrDefaultAsync(
                e => e.Id == command.Id && e.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("Webhook endpoint", command.Id);
        // Checked here, after the lookup, rather than by a validator: another workspace's id is a 404 whatever the body says.
        WebhookEndpointRules.Ensure(command.Url, command.Description, command.Events);
        await WebhookEndpointRules.EnsureAllowedAsync(policy, command.Url, cancellationToken);
        var wasEnabled = endpoint.Enabled;
        endpoint.Change(command.Url, command.Description, command.Events, command.Enabled, clock.GetUtcNow());
        await catalog.SaveChangesAsync(cancellationToken);
        var what = wasEnabled == endpoint.Enabled ? "Changed" : endpoint.Enabled ? "Turned on" : "Turned off";
        await audit.RecordAsync(AuditEventType.WebhookEndpointChanged, endpoint.TenantId, currentUser.UserId,
            $"{what} webhook endpoint {endpoint.Url} (events: {string.Join(", ", endpoint.Events.Select(WebhookEventLabels.Label))}).",
            cancellationToken);
        return WebhookEndpointDto.From(endpoint);
    }
}
