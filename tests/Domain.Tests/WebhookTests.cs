using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Webhooks;

namespace BrandAutomator.Domain.Tests;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);

    private static WebhookEndpoint Endpoint(params string[] events) =>
        WebhookEndpoint.Create(Guid.NewGuid(), " https://example.com/hooks ", null, events.Length == 0 ? [WebhookEventTypes.PostPublished] : events,
            "protected", Guid.NewGuid(), Now);

    [Fact]
    public void An_endpoint_keeps_its_events_in_the_listed_order_once_each()
    {
        var endpoint = Endpoint(WebhookEventTypes.AssetReady, WebhookEventTypes.PostScheduled, WebhookEventTypes.AssetReady);

        Assert.Equal([WebhookEventTypes.PostScheduled, WebhookEventTypes.AssetReady], endpoint.Events);
        Assert.Equal("https://example.com/hooks", endpoint.Url);
        Assert.True(endpoint.Subscribes(WebhookEventTypes.AssetReady));
        Assert.False(endpoint.Subscribes(WebhookEventTypes.Test));
    }

    [Fact]
    public void An_endpoint_refuses_no_events_and_unknown_ones_naming_the_field()
    {
        Assert.Equal("events", Assert.Throws<DomainRuleException>(() => Endpoint("post.deleted")).Field);
        var endpoint = Endpoint();
        Assert.Equal("events", Assert.Throws<DomainRuleException>(() => endpoint.Change("https://example.com", null, [], true, Now)).Field);
    }

    [Fact]
    public void An_endpoint_turns_itself_off_after_too_many_failures_in_a_row_and_a_success_resets_the_count()
    {
        var endpoint = Endpoint();
        Assert.False(endpoint.RecordFailure(Now, 3, TimeSpan.FromHours(24)));
        Assert.False(endpoint.RecordFailure(Now.AddMinutes(1), 3, TimeSpan.FromHours(24)));
        endpoint.RecordSuccess(Now.AddMinutes(2));
        Assert.Equal(0, endpoint.ConsecutiveFailures);
        Assert.Null(endpoint.FailingSince);

        Assert.False(endpoint.RecordFailure(Now.AddMinutes(3), 3, TimeSpan.FromHours(24)));
        Assert.False(endpoint.RecordFailure(Now.AddMinutes(4), 3, TimeSpan.FromHours(24)));
        Assert.True(endpoint.RecordFailure(Now.AddMinutes(5), 3, TimeSpan.FromHours(24)));
        Assert.False(endpoint.Enabled);
        Assert.Equal("Turned off after 3 failed attempts in a row.", endpoint.DisabledReason);

        endpoint.Change(endpoint.Url, null, endpoint.Events, enabled: true, Now.AddHours(1));
        Assert.True(endpoint.Enabled);
        Assert.Equal(0, endpoint.ConsecutiveFailures);
        Assert.Null(endpoint.DisabledReason);
    }

    [Fact]
    public void An_endpoint_whose_every_attempt_failed_for_a_day_turns_itself_off()
    {
        var endpoint = Endpoint();
        Assert.False(endpoint.RecordFailure(Now, 1000, TimeSpan.FromHours(24)));
        Assert.False(endpoint.RecordFailure(Now.AddHours(23), 1000, TimeSpan.FromHours(24)));
        Assert.True(endpoint.RecordFailure(Now.AddHours(24), 1000, TimeSpan.FromHours(24)));
        Assert.Equal("Turned off after every delivery failed for 24 hours.", endpoint.DisabledReason);
    }

    [Fact]
    public void A_delivery_is_retried_within_its_window_then_given_up_and_a_redelivery_opens_a_new_window()
    {
        var evt = WebhookEvent.Raise(Guid.CreateVersion7(Now), Guid.NewGuid(), WebhookEventTypes.PostFailed, "{}", Now);
        var delivery = WebhookDelivery.Create(evt, Guid.NewGuid(), Now);
        var window = TimeSpan.FromHours(24);

        Assert.Equal(1, delivery.Claim(Now.AddMinutes(1)));
        delivery.Fail(500, "The receiver answered 500.", Now.AddHours(23), window, Now);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Equal(Now.AddHours(23), delivery.NextAttemptAt);

        Assert.Equal(2, delivery.Claim(Now.AddHours(23).AddMinutes(1)));
        delivery.Fail(null, "No answer within 10 seconds.", Now.AddHours(25), window, Now.AddHours(23));
        Assert.Equal(WebhookDeliveryState.GaveUp, delivery.State);

        delivery.Redeliver(Now.AddHours(30));
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Equal(Now.AddHours(30), delivery.NextAttemptAt);
        Assert.Equal(3, delivery.Claim(Now.AddHours(30).AddMinutes(1)));
        delivery.Succeed(204, Now.AddHours(30));
        Assert.Equal(WebhookDeliveryState.Succeeded, delivery.State);
        Assert.Equal($"evt_{evt.Id:N}", evt.PublicId);
    }
}
