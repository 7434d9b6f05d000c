using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>
/// Before each save of the catalog or a tenant context, adds the webhook events its changes raise to the same save, so
/// they commit in the same transaction (EF wraps one save in one, or joins the caller's).
/// </summary>
public sealed class WebhookOutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        switch (context)
        {
            case TenantDbContext tenantDb when tenantDb.Tenant is { IsSet: true } tenant:
                WebhookEventCollector.Collect(context, tenant.TenantId, clock.GetUtcNow());
                break;
            case Persistence.Catalog.CatalogDbContext:
                WebhookEventCollector.Collect(context, null, clock.GetUtcNow());
                break;
        }
    }
}
