using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

/// <summary>
/// Reads the workspace's invoices, card and next invoice from Stripe now and updates the cache (the events keep it
/// current; this catches what they cannot: a card changed in the portal, an event lost). Admins only.
/// </summary>
public sealed record RefreshBillingHistory : ICommand<BillingHistoryDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RefreshBillingHistoryHandler(
    ICatalogDb catalog, IBillingGateway gateway, PlanCatalog plans, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<RefreshBillingHistory, BillingHistoryDto>
{
    public async ValueTask<BillingHistoryDto> Handle(RefreshBillingHistory command, CancellationToken cancellationToken)
    {
        BillingGuard.EnsureEnabled(plans);
        var tenantId = tenantContext.TenantId;
        var ids = await catalog.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new { t.StripeCustomerId, t.StripeSubscriptionId })
            .SingleAsync(cancellationToken);
        if (ids.StripeCustomerId is null)
        {
            // Never subscribed: Stripe has nothing for this workspace, and there is nothing to ask.
            return await BillingHistory.ReadAsync(catalog, tenantId, plans.BillingEnabled, cancellationToken);
        }

        // Read before the transaction: no lock is held while Stripe answers.
        var facts = await gateway.ReadAccountAsync(ids.StripeCustomerId, ids.StripeSubscriptionId, cancellationToken);
        var now = clock.GetUtcNow();

        await using (var transaction = await catalog.BeginTransactionAsync(cancellationToken))
        {
            // The same lock the webhook takes: a refresh and an event for one tenant never insert the same invoice twice.
            await catalog.LockTenantAsync(tenantId, cancellationToken);
            foreach (var invoice in facts.Invoices)
            {
                await BillingHistory.ObserveAsync(catalog, tenantId, invoice, now, now, cancellationToken);
            }

            var account = await catalog.BillingAccounts.SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken);
            if (account is null)
            {
                account = BillingAccount.For(tenantId);
                catalog.BillingAccounts.Add(account);
            }

            account.Refresh(facts.Card, facts.NextInvoice, now);
            await catalog.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await BillingHistory.ReadAsync(catalog, tenantId, plans.BillingEnabled, cancellationToken);
    }
}
