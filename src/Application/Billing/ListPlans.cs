using Mediator;

namespace BrandAutomator.Application.Billing;

public sealed record PlanDto(string Code, string Name, decimal MonthlyPriceUsd, PlanLimits Limits);

/// <summary><see cref="SelfHostedPlan"/> is the plan every tenant has while billing is off; null when billing is on.</summary>
public sealed record PlanListDto(bool BillingEnabled, string? SelfHostedPlan, IReadOnlyList<PlanDto> Plans);

/// <summary>The plans on offer, cheapest first; public, for the pricing page.</summary>
public sealed record ListPlans : IQuery<PlanListDto>;

public sealed class ListPlansHandler(PlanCatalog plans) : IQueryHandler<ListPlans, PlanListDto>
{
    public ValueTask<PlanListDto> Handle(ListPlans query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PlanListDto(
            plans.BillingEnabled,
            plans.BillingEnabled ? null : plans.SelfHosted.Code,
            plans.All.Select(p => new PlanDto(p.Code, p.Name, p.MonthlyPriceUsd, p.Limits)).ToList()));
}
