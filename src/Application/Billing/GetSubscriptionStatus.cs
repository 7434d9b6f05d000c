using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

public sealed record PlanUsage(int Brands);

/// <summary>
/// The caller's tenant's plan and what it allows now. <see cref="PaidFeaturesLocked"/>: no subscription grants a plan
/// (never subscribed, canceled, unpaid), so nothing new can be added, and all existing data is kept.
/// </summary>
public sealed record SubscriptionStatusDto(
    bool BillingEnabled,
    PlanAccess Access,
    string? Plan,
    string PlanName,
    SubscriptionStatus Status,
    bool PaidFeaturesLocked,
    PlanLimits Limits,
    PlanUsage Usage,
    string Summary);

/// <summary>The caller's tenant's subscription, limits and usage; any member may read it.</summary>
public sealed record GetSubscriptionStatus : IQuery<SubscriptionStatusDto>;

public sealed class GetSubscriptionStatusHandler(PlanEntitlements entitlements, ITenantDb tenantDb, PlanCatalog plans)
    : IQueryHandler<GetSubscriptionStatus, SubscriptionStatusDto>
{
    public async ValueTask<SubscriptionStatusDto> Handle(GetSubscriptionStatus query, CancellationToken cancellationToken)
    {
        var current = await entitlements.CurrentAsync(cancellationToken);
        var brands = await tenantDb.Companies.CountAsync(cancellationToken);
        return new SubscriptionStatusDto(
            plans.BillingEnabled, current.Access, current.Plan?.Code, current.PlanName, current.Status,
            current.Access == PlanAccess.Locked, current.Limits, new PlanUsage(brands), Summary(current));
    }

    private static string Summary(TenantEntitlements current) => current.Access switch
    {
        PlanAccess.SelfHosted => $"Billing is off on this self-hosted instance: the {current.PlanName} plan applies to every tenant.",
        PlanAccess.Subscribed => $"{current.PlanName} plan, {(current.Status == SubscriptionStatus.Trialing ? "in its trial" : "active")}.",
        PlanAccess.PastDue => $"{current.PlanName} plan, payment past due: Stripe is retrying the charge. Update the payment method in " +
                              "the billing portal; the plan's features stay on meanwhile.",
        _ => "No active subscription: paid features are locked (no new brands, AI requests, automation or team invitations). " +
             "Everything already made is kept and can still be read, edited and exported. Choose a plan to unlock them.",
    };
}
