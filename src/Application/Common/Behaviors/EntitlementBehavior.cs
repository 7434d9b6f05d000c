using BrandAutomator.Application.Billing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Application.Common.Behaviors;

/// <summary>A feature of the plan that a message needs (see <see cref="PlanEntitlements"/>).</summary>
public enum PlanFeature
{
    /// <summary>Inviting and managing team members.</summary>
    Team = 1,

    /// <summary>Automation and scheduled publishing.</summary>
    Automation = 2,

    /// <summary>Market analysis, strategy generation, larger models.</summary>
    AdvancedAi = 3,
}

/// <summary>A message that only a tenant whose plan includes <see cref="Feature"/> may send.</summary>
public interface IRequireEntitlement
{
    static abstract PlanFeature Feature { get; }
}

/// <summary>
/// Enforces <see cref="IRequireEntitlement"/> after authorisation and before the transaction, for every caller
/// (endpoint, job, test): the plan is read from the catalog at each message, and a missing feature is a
/// <see cref="Errors.PlanLimitException"/> (402) naming the limit, as <see cref="PlanEntitlements"/> words it.
/// </summary>
public sealed class EntitlementBehavior<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly PlanFeature? Required = typeof(TMessage).GetInterfaces().Contains(typeof(IRequireEntitlement))
        ? (PlanFeature)typeof(TMessage).GetProperty(nameof(IRequireEntitlement.Feature),
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!
        : null;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        Required is { } feature ? CheckedAsync(feature, message, next, cancellationToken) : next(message, cancellationToken);

    private async ValueTask<TResponse> CheckedAsync(
        PlanFeature feature, TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Resolved only here: it reads the tenant, which a message without the marker may not have.
        var entitlements = services.GetRequiredService<PlanEntitlements>();
        await (feature switch
        {
            PlanFeature.Team => entitlements.EnsureTeamAsync(cancellationToken),
            PlanFeature.Automation => entitlements.EnsureAutomationAsync(cancellationToken),
            PlanFeature.AdvancedAi => entitlements.EnsureAdvancedAiAsync(cancellationToken),
            _ => throw new InvalidOperationException($"No check for the plan feature {feature}."),
        });
        return await next(message, cancellationToken);
    }
}
