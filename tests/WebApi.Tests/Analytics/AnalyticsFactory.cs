using BrandAutomator.Application.Analytics;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Analytics;

/// <summary>
/// The API with every network's read API pointed at <see cref="FakeNetworkMetrics"/>, and Quartz not started: a test
/// runs a collection round itself (<see cref="CollectAsync"/>) exactly when it wants one.
/// </summary>
public sealed class AnalyticsFactory : ApiFactory
{
    public FakeNetworkMetrics Fakes { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (key, value) in Fakes.Settings())
        {
            WithSetting(key, value);
        }

        WithSetting("Scheduler:Enabled", "false");
        WithSetting("Analytics:RequestsPerConnectionPerRun", "50");
        ConfigureServices = services => services.AddSingleton<IFileStorage, FakeFileStorage>();
    }

    /// <summary>One collection round for the tenant, as the clustered job runs it.</summary>
    public async Task<CollectMetricsResult> CollectAsync(Guid tenantId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CollectMetrics());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Fakes.Dispose();
    }
}
