using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Analytics;

/// <summary>
/// "Check for new numbers": starts a collection run now instead of at the next interval. It reads only what is due
/// (<see cref="Domain.Analytics.MetricsSchedule"/>), so pressing it often costs the networks' limits nothing.
/// </summary>
public sealed record RefreshAnalytics : ICommand<Unit>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class RefreshAnalyticsHandler(IMetricsCollectionTrigger trigger) : ICommandHandler<RefreshAnalytics, Unit>
{
    public async ValueTask<Unit> Handle(RefreshAnalytics command, CancellationToken cancellationToken)
    {
        await trigger.RunSoonAsync(cancellationToken);
        return Unit.Value;
    }
}
