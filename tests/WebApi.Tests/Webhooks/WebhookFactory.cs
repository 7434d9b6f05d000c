using BrandAutomator.Application.Webhooks;
using BrandAutomator.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrandAutomator.WebApi.Tests.Webhooks;

/// <summary>
/// The API on a pinned clock with its scheduler off: each test runs the delivery job's rounds itself and moves the
/// clock past each backoff, so retries are seen on any machine without waiting for them.
/// </summary>
public sealed class WebhookFactory : ApiFactory
{
    public WebhookFactory()
    {
        WithSetting("Scheduler:Enabled", "false");
        WithSetting("Webhooks:TimeoutSeconds", "1");
        WithSetting("Webhooks:RetryBaseSeconds", "30");
        WithSetting("Webhooks:RetryMaxSeconds", "600");
        WithSetting("Webhooks:DisableAfterConsecutiveFailures", "3");
        ConfigureServices = services => services.AddSingleton<TimeProvider>(Time);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>One round of the delivery job, as the Quartz job runs it.</summary>
    public async Task<WebhookRoundResult> DeliverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverWebhooks());
    }

    /// <summary>Moves the clock past the longest wait before retry <paramref name="attempt"/>+1, then runs a round.</summary>
    public Task<WebhookRoundResult> RetryAsync(int attempt)
    {
        Time.Advance(TimeSpan.FromSeconds(Math.Min(600, 30 * Math.Pow(2, attempt - 1)) + 1));
        return DeliverAsync();
    }
}
