using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An endpoint's delivery log, newest attempt first: status, duration, what went wrong, attempt number.</summary>
public sealed record ListWebhookAttempts(Guid EndpointId, int? Limit) : IQuery<IReadOnlyList<WebhookAttemptDto>>, IRequireRole
{
    public const int MaxLimit = 200;

    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ListWebhookAttemptsHandler(ICatalogDb catalog, ICurrentUser currentUser)
    : IQueryHandler<ListWebhookAttempts, IReadOnlyList<WebhookAttemptDto>>
{
    public async ValueTask<IReadOnlyList<WebhookAttemptDto>> Handle(ListWebhookAttempts query, CancellationToken cancellationToken)
    {
        var tenantId = currentUser.TenantId;
        if (!await catalog.WebhookEndpoints.AnyAsync(e => e.Id == query.EndpointId && e.TenantId == tenantId, cancellationToken))
        {
            throw new NotFoundException("Webhook endpoint", query.EndpointId);
        }

        var limit = Math.Clamp(query.Limit ?? 50, 1, ListWebhookAttempts.MaxLimit);
        var rows = await (
                from a in catalog.WebhookAttempts.AsNoTracking()
                join d in catalog.WebhookDeliveries.AsNoTracking() on a.DeliveryId equals d.Id
                where a.EndpointId == query.EndpointId && a.TenantId == tenantId
                orderby a.StartedAt descending, a.Number descending, a.Id descending
                select new { a, d.State, d.NextAttemptAt })
            .Take(limit).ToListAsync(cancellationToken);
        return rows.Select(r => new WebhookAttemptDto(
                r.a.Id, r.a.DeliveryId, WebhookEvent.PublicIdOf(r.a.EventId), r.a.EventType, WebhookEventLabels.Label(r.a.EventType),
                r.a.Number, r.a.StartedAt, r.a.DurationMs, r.a.StatusCode, r.a.Succeeded, r.a.Error, r.State,
                r.State == WebhookDeliveryState.Pending ? r.NextAttemptAt : null))
            .ToList();
    }
}
