using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Billing;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Billing;

/// <summary>Why a tenant has the limits it has.</summary>
public enum PlanAccess
{
    /// <summary>Billing is off: the configured self-hosted plan.</summary>
    SelfHosted,

    /// <summary>An active (or trialing) subscription.</summary>
    Subscribed,

    /// <summary>A renewal payment failed; the plan stays while Stripe retries it.</summary>
    PastDue,

    /// <summary>No subscription that grants a plan: paid features are locked, data is kept.</summary>
    Locked,
}

/// <summary>The limits in force for a tenant right now.</summary>
public sealed record TenantEntitlements(PlanAccess Access, BillingPlan? Plan, SubscriptionStatus Status, PlanLimits Limits)
{
    public string PlanName => Plan?.Name ?? "no plan";
}

/// <summary>
/// Enforces the plan in the application, for every caller (endpoint, job, test). The plan is read from the catalog at
/// each call, not from the access token, so an upgrade or a cancellation applies to the very next request.
/// Each check throws <see cref="PlanLimitException"/> (402) naming the limit.
/// </summary>
public sealed class PlanEntitlements(ICatalogDb catalog, ITenantDb tenantDb, ITenantContext tenant, PlanCatalog plans)
    : Automation.IAutomationEntitlement
{
    public const string BrandsLimit = "brands";
    public const string TeamLimit = "team";
    public const string AutomationLimit = "automation";
    public const string AdvancedAiLimit = "advancedAi";
    public const string AiRequestsLimit = "monthlyAiRequests";

    /// <summary>The current tenant's plan and limits.</summary>
    public async Task<TenantEntitlements> CurrentAsync(CancellationToken cancellationToken)
    {
        if (!plans.BillingEnabled)
        {
            return new TenantEntitlements(PlanAccess.SelfHosted, plans.SelfHosted, SubscriptionStatus.None, plans.SelfHosted.Limits);
        }

        var tenantId = tenant.TenantId;
        var state = await catalog.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new { t.Plan, t.SubscriptionStatus })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Tenant", tenantId);
        var plan = plans.Find(state.Plan);
        if (plan is null || !state.SubscriptionStatus.GrantsPlan())
        {
            return new TenantEntitlements(PlanAccess.Locked, plan, state.SubscriptionStatus, PlanLimits.Locked);
        }

        var access = state.SubscriptionStatus == SubscriptionStatus.PastDue ? PlanAccess.PastDue : PlanAccess.Subscribed;
        return new TenantEntitlements(access, plan, state.SubscriptionStatus, plan.Limits);
    }

    /// <summary>
    /// Before adding a brand: the tenant's brands (counted in its schema) stay within the plan. Call it inside the
    /// transaction that adds the brand: it holds the tenant's brand lock until that transaction ends, so two
    /// concurrent additions cannot both see room for one more.
    /// </summary>
    public async Task EnsureCanAddBrandAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current.Limits.Brands is not { } allowed)
        {
            return;
        }

        await tenantDb.LockAsync(TenantLock.Brands, cancellationToken);
        var brands = await tenantDb.Companies.CountAsync(cancellationToken);
        if (brands >= allowed)
        {
            throw new PlanLimitException(BrandsLimit, current.Access == PlanAccess.Locked
                ? $"Without an active subscription no brand can be added ({Locked(current)}). Choose a plan to add brands; your {brands} existing brand(s) are kept."
                : $"The {current.PlanName} plan includes {Brands(allowed)} and this tenant has {brands}. Upgrade to add more.");
        }
    }

    /// <summary>Before inviting someone: team features are part of the plan.</summary>
    public Task EnsureTeamAsync(CancellationToken cancellationToken) =>
        EnsureFeatureAsync(TeamLimit, l => l.Team, "Inviting team members", cancellationToken);

    /// <summary>Before scheduling publishing or automation tasks.</summary>
    public Task EnsureAutomationAsync(CancellationToken cancellationToken) =>
        EnsureFeatureAsync(AutomationLimit, l => l.Automation, "Automation and scheduled publishing", cancellationToken);

    /// <summary>Before market analysis, strategy generation or a larger model.</summary>
    public Task EnsureAdvancedAiAsync(CancellationToken cancellationToken) =>
        EnsureFeatureAsync(AdvancedAiLimit, l => l.AdvancedAi, "Advanced AI", cancellationToken);

    /// <summary>
    /// Before an AI request: <paramref name="requestsThisMonth"/> is the tenant's metered count for the current calendar
    /// month (UTC), which the AI usage meter supplies.
    /// </summary>
    public async Task EnsureAiRequestAvailableAsync(int requestsThisMonth, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (requestsThisMonth >= current.Limits.MonthlyAiRequests)
        {
            throw new PlanLimitException(AiRequestsLimit, current.Access == PlanAccess.Locked
                ? $"Without an active subscription AI requests are not available ({Locked(current)}). Choose a plan to continue."
                : $"The {current.PlanName} plan includes {current.Limits.MonthlyAiRequests:N0} AI requests a month and all are used. " +
                  "Upgrade, or wait for the next month.");
        }
    }

    private async Task EnsureFeatureAsync(string limit, Func<PlanLimits, bool> included, string feature, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (!included(current.Limits))
        {
            var cheapest = plans.All.FirstOrDefault(p => included(p.Limits));
            var upgrade = cheapest is null ? "" : $" It is included from the {cheapest.Name} plan.";
            throw new PlanLimitException(limit, current.Access == PlanAccess.Locked
                ? $"{feature} needs an active subscription ({Locked(current)}).{upgrade}"
                : $"{feature} is not part of the {current.PlanName} plan.{upgrade}");
        }
    }

    private static string Brands(int count) => count == 1 ? "1 brand" : $"{count} brands";

    private static string Locked(TenantEntitlements current) => current.Status switch
    {
        SubscriptionStatus.None => "the tenant has not subscribed",
        SubscriptionStatus.Canceled => $"the {current.PlanName} subscription was canceled",
        SubscriptionStatus.Incomplete => $"the {current.PlanName} subscription awaits its first payment",
        SubscriptionStatus.IncompleteExpired => $"the {current.PlanName} subscription expired before its first payment",
        SubscriptionStatus.Unpaid => $"the {current.PlanName} subscription is unpaid",
        SubscriptionStatus.Paused => $"the {current.PlanName} subscription is paused",
        _ => "the subscription's plan is not one this instance offers",
    };
}
