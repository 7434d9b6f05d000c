using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Billing;

public sealed class WebhookTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    [Fact]
    public async Task Checkout_completed_activates_the_plan()
    {
        var admin = await factory.RegisterAsync();
        Assert.Equal("locked", (await admin.StatusAsync())["access"]!.GetValue<string>());

        await factory.DeliverOkAsync(new StripeEvents(admin.TenantId).CheckoutCompleted("basic", second: 0));

        var status = await admin.StatusAsync();
        Assert.Equal("basic", status["plan"]!.GetValue<string>());
        Assert.Equal("active", status["status"]!.GetValue<string>());
        Assert.Equal("subscribed", status["access"]!.GetValue<string>());
        Assert.False(status["paidFeaturesLocked"]!.GetValue<bool>());
        Assert.Equal(1, status["limits"]!["brands"]!.GetValue<int>());
    }

    [Fact]
    public async Task Subscription_updated_changes_the_plan_and_its_limits()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");

        await factory.DeliverOkAsync(events.SubscriptionUpdated("pro", "active", second: 60));

        var status = await admin.StatusAsync();
        Assert.Equal("pro", status["plan"]!.GetValue<string>());
        Assert.Equal(5, status["limits"]!["brands"]!.GetValue<int>());
        Assert.True(status["limits"]!["automation"]!.GetValue<bool>());
        Assert.Equal(2_000, status["limits"]!["monthlyAiRequests"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invoice_payment_failed_marks_the_tenant_past_due_and_keeps_the_plan_while_stripe_retries()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");

        await factory.DeliverOkAsync(events.PaymentFailed(second: 60));

        var status = await admin.StatusAsync();
        Assert.Equal("pastDue", status["status"]!.GetValue<string>());
        Assert.Equal("pastDue", status["access"]!.GetValue<string>());
        Assert.Equal("pro", status["plan"]!.GetValue<string>());
        Assert.Contains("past due", status["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_deleted_locks_paid_features_and_keeps_the_data()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");
        await (await admin.CreateBrandAsync("Kept brand")).EnsureStatusAsync(HttpStatusCode.Created);

        await factory.DeliverOkAsync(events.SubscriptionDeleted("pro", second: 60));

        var status = await admin.StatusAsync();
        Assert.Equal("canceled", status["status"]!.GetValue<string>());
        Assert.True(status["paidFeaturesLocked"]!.GetValue<bool>());
        Assert.Equal(0, status["limits"]!["brands"]!.GetValue<int>());
        Assert.Equal(1, status["usage"]!["brands"]!.GetValue<int>());
        var brands = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies"))!;
        Assert.Equal("Kept brand", Assert.Single(brands)!["name"]!.GetValue<string>());
        var another = await admin.CreateBrandAsync("One more");
        await another.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("brands", (await another.ProblemAsync())["limit"]!.GetValue<string>());
    }

    public static TheoryData<string> BadDeliveries => new() { "missing", "forged", "wrong secret", "five minutes old", "malformed json", "not an event" };

    [Theory]
    [MemberData(nameof(BadDeliveries))]
    public async Task A_delivery_that_is_not_a_fresh_signed_stripe_event_gets_400_and_changes_nothing(string kind)
    {
        var admin = await factory.RegisterAsync();
        var payload = new StripeEvents(admin.TenantId).CheckoutCompleted("enterprise", second: 0);
        var before = await SnapshotAsync(admin);

        var response = kind switch
        {
            "missing" => await factory.PostWebhookAsync(payload, null),
            "forged" => await factory.PostWebhookAsync(payload, $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()},v1={new string('a', 64)}"),
            "wrong secret" => await factory.DeliverAsync(payload, secret: "whsec_someone_else"),
            "five minutes old" => await factory.DeliverAsync(payload, signedAt: DateTimeOffset.UtcNow.AddSeconds(-301)),
            "malformed json" => await factory.DeliverAsync(payload[..^10]),
            _ => await factory.DeliverAsync("""{"hello":"world"}"""),
        };

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]);
        Assert.Equal(before, await SnapshotAsync(admin));
        Assert.Equal("locked", (await admin.StatusAsync())["access"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_payload_changed_after_signing_is_refused()
    {
        var admin = await factory.RegisterAsync();
        var payload = new StripeEvents(admin.TenantId).CheckoutCompleted("basic", second: 0);
        var header = StripeSignature.Header(payload, StripeApiFactory.WebhookSecret, DateTimeOffset.UtcNow);

        var response = await factory.PostWebhookAsync(payload.Replace("\"basic\"", "\"enterprise\"", StringComparison.Ordinal), header);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.processed_stripe_events WHERE tenant_id = '{admin.TenantId}'"));
    }

    [Fact]
    public async Task The_same_event_delivered_five_times_is_applied_once()
    {
        var admin = await factory.RegisterAsync();
        var events = new StripeEvents(admin.TenantId);
        var payload = events.CheckoutCompleted("basic", second: 0);

        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await factory.DeliverOkAsync(payload));
        }

        Assert.Equal(["applied", "duplicate", "duplicate", "duplicate", "duplicate"], outcomes);
        Assert.Equal(1, await factory.CountAsync($"SELECT count(*) FROM public.processed_stripe_events WHERE tenant_id = '{admin.TenantId}'"));
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE tenant_id = '{admin.TenantId}' AND type = 'SubscriptionChanged'"));
    }

    [Fact]
    public async Task The_same_event_delivered_five_times_at_once_is_applied_once()
    {
        var admin = await factory.RegisterAsync();
        var payload = new StripeEvents(admin.TenantId).CheckoutCompleted("pro", second: 0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.DeliverOkAsync(payload)));

        Assert.Equal(1, outcomes.Count(o => o == "applied"));
        Assert.Equal(4, outcomes.Count(o => o == "duplicate"));
        Assert.Equal("pro", (await admin.StatusAsync())["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replayed_old_event_does_not_undo_a_later_change()
    {
        var admin = await factory.RegisterAsync();
        var events = new StripeEvents(admin.TenantId);
        var upgrade = events.SubscriptionUpdated("enterprise", "active", second: 120);
        await factory.DeliverOkAsync(events.CheckoutCompleted("basic", second: 0));
        await factory.DeliverOkAsync(upgrade);

        // Stripe redelivers an update from before the upgrade, under its own id (a retry of a delivery that timed out).
        var outcome = await factory.DeliverOkAsync(events.SubscriptionUpdated("basic", "active", second: 60));

        Assert.Equal("stale", outcome);
        Assert.Equal("enterprise", (await admin.StatusAsync())["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_shuffled_delivery_order_ends_in_the_same_state_as_the_ordered_one()
    {
        var histories = new List<(Func<StripeEvents, string[]> Events, string Plan, string Status)>
        {
            (e =>
            [
                e.CheckoutCompleted("basic", second: 0), e.SubscriptionUpdated("pro", "active", second: 60), e.PaymentFailed(second: 120),
                e.SubscriptionUpdated("pro", "active", second: 180), e.SubscriptionUpdated("enterprise", "active", second: 240),
            ], "enterprise", "active"),
            (e =>
            [
                e.CheckoutCompleted("pro", second: 0), e.SubscriptionUpdated("pro", "active", second: 0), e.PaymentFailed(second: 60),
                e.SubscriptionUpdated("pro", "past_due", second: 60), e.SubscriptionDeleted("pro", second: 120),
            ], "pro", "canceled"),
        };

        foreach (var (history, plan, finalStatus) in histories)
        {
            var ordered = await factory.RegisterAsync();
            var orderedEvents = new StripeEvents(ordered.TenantId);
            foreach (var payload in history(orderedEvents))
            {
                await factory.DeliverOkAsync(payload);
            }

            var expected = await StateAsync(ordered, orderedEvents);
            Assert.Equal((plan, finalStatus, true, true), (expected.Plan, expected.Status, expected.OwnSubscription, expected.OwnCustomer));
            foreach (var seed in new[] { 1, 2, 3 })
            {
                var shuffled = await factory.RegisterAsync();
                var events = new StripeEvents(shuffled.TenantId);
                foreach (var payload in Shuffle(history(events), seed))
                {
                    await factory.DeliverOkAsync(payload);
                }

                Assert.Equal(expected, await StateAsync(shuffled, events));
            }
        }
    }

    /// <summary>Seeded, so that a failure names an order that can be replayed; seed 1 is the reversed order.</summary>
    private static string[] Shuffle(string[] items, int seed)
    {
        var copy = items.ToArray();
        if (seed == 1)
        {
            Array.Reverse(copy);
            return copy;
        }

        new Random(seed).Shuffle(copy);
        return copy;
    }

    private async Task<(string? Plan, string Status, string Access, bool OwnSubscription, bool OwnCustomer)> StateAsync(Account account, StripeEvents events)
    {
        var status = await account.StatusAsync();
        var ids = await factory.ColumnAsync(
            "SELECT concat(stripe_subscription_id, ' ', stripe_customer_id) FROM public.tenants WHERE id = $1", account.TenantId);
        return (status["plan"]?.GetValue<string>(), status["status"]!.GetValue<string>(), status["access"]!.GetValue<string>(),
            ids.Single().StartsWith(events.SubscriptionId + " ", StringComparison.Ordinal),
            ids.Single().EndsWith(" " + events.CustomerId, StringComparison.Ordinal));
    }

    private async Task<string> SnapshotAsync(Account account) =>
        string.Join('\n', await factory.ColumnAsync("SELECT row_to_json(t)::text FROM public.tenants t WHERE id = $1", account.TenantId))
        + "\n" + await factory.CountAsync("SELECT count(*) FROM public.processed_stripe_events");
}
