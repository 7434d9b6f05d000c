using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>
/// The API with its Quartz node running, every network pointed at local fakes, and short retry bases and timeouts so
/// that backoff, lost answers and the sweep play out in seconds.
/// </summary>
public sealed class PublishingFactory : ApiFactory
{
    public FakePlatforms Fakes { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (key, value) in Fakes.Settings())
        {
            WithSetting(key, value);
        }

        WithSetting("Publishing:RetryBaseSeconds", "0.5");
        WithSetting("Publishing:RetryMaxSeconds", "2");
        // Long enough that a loaded machine (load 30 on two cores) still hears a local fake answer in time: a shorter
        // timeout turned refused posts into unconfirmed ones there. Tests of a lost answer hold it for longer still.
        WithSetting("Publishing:RequestTimeoutSeconds", "8");
        WithSetting("Publishing:LeaseSeconds", "20");
        WithSetting("Publishing:MaxRuns", "4");
        WithSetting("Publishing:SweepGraceSeconds", "1");
        WithSetting("Scheduler:SweepIntervalSeconds", "2");
        WithSetting("Scheduler:IdleWaitSeconds", "1");
        WithSetting("Scheduler:CheckinIntervalSeconds", "1");
        ConfigureServices = services => services.AddSingleton<IFileStorage, FakeFileStorage>();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Fakes.Dispose();
    }
}
