using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Billing;

/// <summary>The caller's workspace's invoices, card and next invoice, from our cache (no call to Stripe); admins only.</summary>
public sealed record GetBillingHistory : IQuery<BillingHistoryDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class GetBillingHistoryHandler(ICatalogDb catalog, PlanCatalog plans, ITenantContext tenantContext)
    : IQueryHandler<GetBillingHistory, BillingHistoryDto>
{
    public async ValueTask<BillingHistoryDto> Handle(GetBillingHistory query, CancellationToken cancellationToken) =>
        await BillingHistory.ReadAsync(catalog, tenantContext.TenantId, plans.BillingEnabled, cancellationToken);
}
