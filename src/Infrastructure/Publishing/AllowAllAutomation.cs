using BrandAutomator.Application.Automation;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>Until billing's plans are wired in: every tenant may automate. Replaced by the plan check at merge.</summary>
public sealed class AllowAllAutomation : IAutomationEntitlement
{
    public Task EnsureAutomationAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
