using BrandAutomator.Application.Billing;
using Mediator;

namespace BrandAutomator.Application.Ai;

/// <summary>This month's AI requests and tokens of the tenant against its plan's quota.</summary>
public sealed record GetAiUsage : IQuery<AiUsageDto>;

public sealed class GetAiUsageHandler(IAiUsageMeter meter, AiQuota quota, PlanEntitlements entitlements, IAiProvider provider)
    : IQueryHandler<GetAiUsage, AiUsageDto>
{
    public async ValueTask<AiUsageDto> Handle(GetAiUsage query, CancellationToken cancellationToken)
    {
        var current = await entitlements.CurrentAsync(cancellationToken);
        var usage = await meter.ReadAsync(quota.CurrentMonth, cancellationToken);
        var limit = current.Limits.MonthlyAiRequests;
        return new AiUsageDto(usage.Month, current.Plan?.Code ?? "none", usage.Requests, limit, Math.Max(0, limit - usage.Requests),
            usage.InputTokens, usage.OutputTokens, usage.CachedResponses, provider.Info.Provider, provider.Info.Model, provider.Info.IsOffline);
    }
}
