using BrandAutomator.Application.Webhooks;

namespace BrandAutomator.Application.Tests;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 1.0, 30)]
    [InlineData(2, 1.0, 60)]
    [InlineData(5, 0.5, 360)]
    [InlineData(20, 1.0, 10_800)]
    public void Backoff_doubles_from_the_base_keeps_at_least_half_and_stops_at_the_maximum(int attempt, double random, double seconds)
    {
        var options = new WebhookOptions { RetryBaseSeconds = 30, RetryMaxSeconds = 10_800 };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.Backoff(attempt, random));
    }

    [Fact]
    public void A_signature_is_the_standard_webhooks_one_and_verifies_only_for_the_same_secret_id_time_and_body()
    {
        // The test vector of the Standard Webhooks specification's reference libraries.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const long timestamp = 1614265330;
        const string body = """{"test": 2432232314}""";

        var signature = WebhookSignature.Sign(secret, id, timestamp, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        Assert.True(WebhookSignature.Verify(secret, id, timestamp, body, $"v1,bm90IHRoaXMgb25l {signature}"));
        Assert.False(WebhookSignature.Verify(secret, id, timestamp + 1, body, signature));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), id, timestamp, body, signature));
    }
}
