using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Content;

namespace BrandAutomator.WebApi.Tests.Webhooks;

/// <summary>
/// Issue #22, acceptance 2: a receiver that checks signatures sees the retries after a 500 and a timeout, and gets each
/// event at least once, always with the same id; the delivery log shows every attempt in words.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task An_event_is_retried_after_a_500_and_a_timeout_with_one_stable_id_and_valid_signatures()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Script(ReceiverAnswer.ServerError, ReceiverAnswer.Hang, ReceiverAnswer.Ok);
        var admin = await factory.RegisterAsync();
        var (endpointId, secret) = await admin.CreateEndpointAsync(receiver.Url, "approval.requested");
        receiver.Secret = secret;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var postId = await ContentHelpers.CreatePostAsync(admin, "linkedIn", "Our spring launch");
        await (await admin.Client.PostAsync($"/api/v1/content/{postId}/submit", null)).EnsureStatusAsync(HttpStatusCode.OK);

        await factory.DeliverAsync();
        await factory.RetryAsync(1);
        await factory.RetryAsync(2);
        // Delivered: later rounds send nothing more.
        await factory.RetryAsync(3);
        await factory.RetryAsync(4);

        var received = receiver.Received.Where(r => r.Json["data"]?["postId"]?.GetValue<Guid>() == postId).ToList();
        Assert.Equal([ReceiverAnswer.ServerError, ReceiverAnswer.Hang, ReceiverAnswer.Ok], received.Select(r => r.Answer));
        Assert.All(received, r => Assert.True(r.SignatureValid, $"Bad signature on {r.Id}: {r.Signature}"));
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.StartsWith("evt_", received[0].Id, StringComparison.Ordinal);
        Assert.Equal(received[0].Id, received[0].Json["id"]!.GetValue<string>());
        Assert.Equal("approval.requested", received[0].Type);
        Assert.Equal("Launch post", received[0].Json["data"]!["title"]!.GetValue<string>());
        // Each attempt is stamped with the (pinned) time it went out, and signed for that time.
        Assert.True(received[1].Timestamp > received[0].Timestamp && received[2].Timestamp > received[1].Timestamp);

        var log = await admin.AttemptsAsync(endpointId);
        Assert.Equal([3, 2, 1], log.Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal(204, log[0]!["statusCode"]!.GetValue<int>());
        Assert.True(log[0]!["succeeded"]!.GetValue<bool>());
        Assert.Null(log[1]!["statusCode"]);
        Assert.Equal("No answer within 1 second.", log[1]!["error"]!.GetValue<string>());
        Assert.Equal(500, log[2]!["statusCode"]!.GetValue<int>());
        Assert.Contains("answered 500 Internal Server Error", log[2]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Approval requested", log[0]!["eventLabel"]!.GetValue<string>());
        Assert.Equal("succeeded", log[0]!["deliveryState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivery_sends_the_same_event_id_again_and_a_test_event_reaches_one_endpoint()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        var admin = await factory.RegisterAsync();
        var (endpointId, secret) = await admin.CreateEndpointAsync(receiver.Url, "approval.requested");
        receiver.Secret = secret;

        var test = await admin.Client.PostAsync($"/api/v1/webhooks/{endpointId}/test", null);
        await test.EnsureStatusAsync(HttpStatusCode.Accepted);
        await factory.DeliverAsync();
        var sent = Assert.Single(receiver.Received);
        Assert.Equal("webhook.test", sent.Type);
        Assert.True(sent.SignatureValid);

        var deliveryId = (await admin.AttemptsAsync(endpointId))[0]!["deliveryId"]!.GetValue<Guid>();
        var again = await admin.Client.PostAsync($"/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver", null);
        await again.EnsureStatusAsync(HttpStatusCode.Accepted);
        await factory.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(sent.Id, receiver.Received[1].Id);
        Assert.True(receiver.Received[1].SignatureValid);
        Assert.Equal([2, 1], (await admin.AttemptsAsync(endpointId)).Select(a => a!["attempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Scheduling_a_post_sends_post_scheduled_only_to_endpoints_that_subscribe()
    {
        await using var wanted = await FakeWebhookReceiver.StartAsync();
        await using var other = await FakeWebhookReceiver.StartAsync();
        var admin = await factory.RegisterAsync();
        wanted.Secret = (await admin.CreateEndpointAsync(wanted.Url, "post.scheduled", "post.published")).Secret;
        other.Secret = (await admin.CreateEndpointAsync(other.Url, "asset.ready")).Secret;
        await ContentHelpers.ConnectAsync(admin, "linkedIn");
        var postId = await ContentHelpers.CreatePostAsync(admin, "linkedIn", "Spring is here");

        var at = factory.Time.GetUtcNow().AddDays(2);
        await (await ContentHelpers.ScheduleAsync(admin, postId, at)).EnsureStatusAsync(HttpStatusCode.OK);
        await factory.DeliverAsync();

        var scheduled = Assert.Single(wanted.Received);
        Assert.Equal("post.scheduled", scheduled.Type);
        Assert.Equal(postId, scheduled.Json["data"]!["postId"]!.GetValue<Guid>());
        Assert.Equal("scheduled", scheduled.Json["data"]!["state"]!.GetValue<string>());
        Assert.Equal(["linkedIn"], scheduled.Json["data"]!["platforms"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task An_event_is_kept_only_while_an_enabled_endpoint_of_the_workspace_takes_its_type()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        var admin = await factory.RegisterAsync();
        var neighbour = await factory.RegisterAsync();
        await neighbour.CreateEndpointAsync(receiver.Url, "post.scheduled");
        await ContentHelpers.ConnectAsync(admin, "linkedIn");
        var at = factory.Time.GetUtcNow().AddDays(2);
        async Task<long> ScheduleOneAsync()
        {
            var postId = await ContentHelpers.CreatePostAsync(admin, "linkedIn", "Spring is here");
            await (await ContentHelpers.ScheduleAsync(admin, postId, at)).EnsureStatusAsync(HttpStatusCode.OK);
            return await factory.CountAsync($"SELECT count(*) FROM public.webhook_events WHERE tenant_id = '{admin.TenantId}'");
        }

        // No endpoint here (another workspace's does not count), then one that takes other types only: nothing is written.
        Assert.Equal(0, await ScheduleOneAsync());
        var (endpointId, secret) = await admin.CreateEndpointAsync(receiver.Url, "asset.ready");
        receiver.Secret = secret;
        Assert.Equal(0, await ScheduleOneAsync());

        // Taking the type: the event is written with the change, and sent.
        var on = await admin.Client.PutAsJsonAsync($"/api/v1/webhooks/{endpointId}",
            new { url = receiver.Url, description = "flow", events = new[] { "post.scheduled" }, enabled = true });
        await on.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ScheduleOneAsync());
        await factory.DeliverAsync();
        Assert.Equal("post.scheduled", Assert.Single(receiver.Received).Type);

        // Turned off: nothing more is written.
        var off = await admin.Client.PutAsJsonAsync($"/api/v1/webhooks/{endpointId}",
            new { url = receiver.Url, description = "flow", events = new[] { "post.scheduled" }, enabled = false });
        await off.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ScheduleOneAsync());
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_turns_itself_off_and_its_admins_are_emailed()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        receiver.Script(Enumerable.Repeat(ReceiverAnswer.ServerError, 10).ToArray());
        var admin = await factory.RegisterAsync();
        var (endpointId, secret) = await admin.CreateEndpointAsync(receiver.Url, "approval.requested");
        receiver.Secret = secret;
        await (await admin.Client.PostAsync($"/api/v1/webhooks/{endpointId}/test", null)).EnsureStatusAsync(HttpStatusCode.Accepted);

        await factory.DeliverAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await factory.RetryAsync(attempt);
        }

        // Three failures in a row (this factory's limit) turned it off: no fourth request.
        Assert.Equal(3, receiver.Received.Count);
        var list = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/webhooks"))!;
        var endpoint = list["endpoints"]!.AsArray().Single(e => e!["id"]!.GetValue<Guid>() == endpointId)!;
        Assert.False(endpoint["enabled"]!.GetValue<bool>());
        Assert.Equal("Turned off after 3 failed attempts in a row.", endpoint["disabledReason"]!.GetValue<string>());
        var mail = await Outbox.WaitForMessageAsync(factory, admin.Email, "webhook endpoint");
        Assert.Contains(receiver.Url.ToString(), mail, StringComparison.Ordinal);

        // Turned back on, the delivery can be sent again by hand and arrives.
        var on = await admin.Client.PutAsJsonAsync($"/api/v1/webhooks/{endpointId}",
            new { url = receiver.Url, description = "back", events = new[] { "approval.requested" }, enabled = true });
        await on.EnsureStatusAsync(HttpStatusCode.OK);
        receiver.ClearScript();
        var deliveryId = (await admin.AttemptsAsync(endpointId))[0]!["deliveryId"]!.GetValue<Guid>();
        await (await admin.Client.PostAsync($"/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver", null))
            .EnsureStatusAsync(HttpStatusCode.Accepted);
        await factory.DeliverAsync();
        Assert.Equal(4, receiver.Received.Count);
        Assert.Equal(ReceiverAnswer.Ok, receiver.Received[3].Answer);
    }
}
