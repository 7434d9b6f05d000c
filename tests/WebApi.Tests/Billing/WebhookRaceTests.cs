using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>Copies of one signed event delivered at once: recorded once, whether or not the event names a known tenant.</summary>
public sealed class WebhookRaceTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    [Fact]
    public async Task Concurrent_copies_of_an_event_for_no_known_tenant_are_recorded_once_and_answer_200()
    {
        var eventId = $"evt_race_{Guid.NewGuid():N}";
        var payload = new StripeEvents(Guid.NewGuid()).CheckoutCompleted("pro", second: 0, eventId);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.DeliverOkAsync(payload)));

        Assert.Equal(1, outcomes.Count(o => o == "ignored"));
        Assert.Equal(7, outcomes.Count(o => o == "duplicate"));
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.processed_stripe_events WHERE id = '{eventId}'"));
    }
}
