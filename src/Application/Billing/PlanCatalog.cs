using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Billing;

/// <summary>What a plan allows. <see cref="Brands"/> null: unlimited.</summary>
public sealed record PlanLimits(int? Brands, int MonthlyAiRequests, bool Automation, bool AdvancedAi, bool Team, bool PrioritySupport)
{
    /// <summary>
    /// A tenant without a subscription that grants a plan (never subscribed, canceled, unpaid): nothing new that costs
    /// money or needs a paid feature. Everything already made stays, and can be read, edited, exported and deleted.
    /// </summary>
    public static readonly PlanLimits Locked = new(0, 0, Automation: false, AdvancedAi: false, Team: false, PrioritySupport: false);
}

/// <summary>A plan as configured; <see cref="Code"/> is what tenants store.</summary>
public sealed record BillingPlan(string Code, string Name, decimal MonthlyPriceUsd, string? StripePriceId, PlanLimits Limits);

/// <summary>The configured plans, looked up by code or by Stripe price.</summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, BillingPlan> _byCode;
    private readonly Dictionary<string, BillingPlan> _byPrice;

    public PlanCatalog(IOptions<BillingOptions> options)
    {
        var billing = options.Value;
        BillingEnabled = billing.IsEnabled;
        All = billing.Plans
            .Select(p => new BillingPlan(
                p.Key.ToLowerInvariant(), p.Value.Name, p.Value.MonthlyPriceUsd,
                string.IsNullOrWhiteSpace(p.Value.StripePriceId) ? null : p.Value.StripePriceId.Trim(),
                new PlanLimits(p.Value.MaxBrands, p.Value.MonthlyAiRequests, p.Value.Automation, p.Value.AdvancedAi, p.Value.Team,
                    p.Value.PrioritySupport)))
            .OrderBy(p => p.MonthlyPriceUsd)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        _byCode = All.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        _byPrice = All.Where(p => p.StripePriceId is not null).ToDictionary(p => p.StripePriceId!, StringComparer.Ordinal);
        SelfHosted = _byCode[billing.SelfHostedPlan];
    }

    /// <summary>Stripe keys are configured: plans are sold, and a tenant has what it pays for.</summary>
    public bool BillingEnabled { get; }

    /// <summary>Cheapest first.</summary>
    public IReadOnlyList<BillingPlan> All { get; }

    /// <summary>The plan of every tenant while billing is off.</summary>
    public BillingPlan SelfHosted { get; }

    public BillingPlan? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var plan) ? plan : null;

    public BillingPlan? FindByStripePrice(string? priceId) => priceId is not null && _byPrice.TryGetValue(priceId, out var plan) ? plan : null;
}
