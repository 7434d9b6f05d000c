using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>The workspace's webhook endpoints, oldest first, and the events they may subscribe to.</summary>
public sealed record ListWebhookEndpoints : IQuery<WebhookEndpointsDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

/// <summary>The endpoints and, in words, every event an endpoint may subscribe to.</summary>
public sealed record WebhookEndpointsDto(IReadOnlyList<WebhookEndpointDto> Endpoints, IReadOnlyList<WebhookEventTypeDto> EventTypes);

public sealed class ListWebhookEndpointsHandler(ICatalogDb catalog, ICurrentUser currentUser)
    : IQueryHandler<ListWebhookEndpoints, WebhookEndpointsDto>
{
    public async ValueTask<WebhookEndpointsDto> Handle(ListWebhookEndpoints query, CancellationToken cancellationToken)
    {
        var endpoints = await catalog.WebhookEndpoints.AsNoTracking()
            .Where(e => e.TenantId == currentUser.TenantId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return new WebhookEndpointsDto(endpoints.Select(WebhookEndpointDto.From).ToList(), WebhookEventLabels.All);
    }
}
