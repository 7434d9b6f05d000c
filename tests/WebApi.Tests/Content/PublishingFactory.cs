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
        // Long enough that a loaded machine still hears a local fake answer in time: 8 s turned a refused post into an
        // unconfirmed one at load 40 on two cores. Tests of a lost answer hold it for longer still. The lease must exceed
        // twice the timeout (PublishingOptions refuses less).
        WithSetting("Publishing:RequestTimeoutSeconds", "20");
        WithSetting("Publishing:LeaseSeconds", "45");
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
