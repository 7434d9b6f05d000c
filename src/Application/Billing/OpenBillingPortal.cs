using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

/// <summary>Opens Stripe's billing portal for the caller's tenant: change plan, payment method, invoices, cancel.</summary>
public sealed record OpenBillingPortal : ICommand<BillingRedirectDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class OpenBillingPortalHandler(ICatalogDb catalog, IBillingGateway gateway, PlanCatalog plans, ITenantContext tenantContext)
    : ICommandHandler<OpenBillingPortal, BillingRedirectDto>
{
    public async ValueTask<BillingRedirectDto> Handle(OpenBillingPortal command, CancellationToken cancellationToken)
    {
        BillingGuard.EnsureEnabled(plans);
        var tenantId = tenantContext.TenantId;
        var customerId = await catalog.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => t.StripeCustomerId)
            .SingleOrDefaultAsync(cancellationToken);
        if (customerId is null)
        {
            throw new ConflictException("This tenant has no subscription yet: choose a plan first (create-session); the portal manages it after that.");
        }

        return new BillingRedirectDto(await gateway.CreatePortalSessionAsync(customerId, cancellationToken));
    }
}
