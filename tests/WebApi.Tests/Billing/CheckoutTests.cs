using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Billing;

public sealed class CheckoutTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    private const string SessionsPath = "/v1/checkout/sessions";

    [Fact]
    public async Task Create_session_sends_stripe_a_subscription_checkout_for_the_plan_price_and_returns_its_url()
    {
        var admin = await factory.RegisterAsync();
        var before = factory.Stripe.Requests(SessionsPath).Count;

        var response = await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" });

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(FakeStripe.CheckoutUrl, (await response.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>());
        var sent = factory.Stripe.Requests(SessionsPath).Skip(before).Single();
        Assert.Equal("subscription", sent.Form["mode"]);
        Assert.Equal(StripeApiFactory.Prices["pro"], sent.Form["line_items[0][price]"]);
        Assert.Equal("1", sent.Form["line_items[0][quantity]"]);
        Assert.Equal(admin.TenantId.ToString(), sent.Form["client_reference_id"]);
        Assert.Equal(admin.TenantId.ToString(), sent.Form["metadata[tenant_id]"]);
        Assert.Equal(admin.TenantId.ToString(), sent.Form["subscription_data[metadata][tenant_id]"]);
        Assert.Equal("pro", sent.Form["metadata[plan]"]);
        Assert.Equal($"{StripeApiFactory.PublicBaseUrl}/settings/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}", sent.Form["success_url"]);
        Assert.Equal($"{StripeApiFactory.PublicBaseUrl}/settings/billing?checkout=cancelled", sent.Form["cancel_url"]);
        Assert.Equal(admin.Email, sent.Form["customer_email"]);
        Assert.False(string.IsNullOrWhiteSpace(sent.Headers["Idempotency-Key"]));
        Assert.Equal($"Bearer {StripeApiFactory.SecretKey}", sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_callers_idempotency_key_gives_stripe_the_same_key_for_a_retry_and_a_new_one_for_another_attempt()
    {
        var admin = await factory.RegisterAsync();
        var before = factory.Stripe.Requests(SessionsPath).Count;

        foreach (var key in new[] { "attempt-1", "attempt-1", "attempt-2" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions/create-session")
            {
                Content = JsonContent.Create(new { plan = "basic" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            await (await admin.Client.SendAsync(request)).EnsureStatusAsync(HttpStatusCode.OK);
        }

        var keys = factory.Stripe.Requests(SessionsPath).Skip(before).Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.All(keys, k => Assert.DoesNotContain("attempt", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_tenants_with_the_same_idempotency_key_get_different_sessions()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var before = factory.Stripe.Requests(SessionsPath).Count;

        foreach (var account in new[] { a, b })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions/create-session")
            {
                Content = JsonContent.Create(new { plan = "basic" }),
            };
            request.Headers.Add("Idempotency-Key", "same-key");
            await (await account.Client.SendAsync(request)).EnsureStatusAsync(HttpStatusCode.OK);
        }

        var keys = factory.Stripe.Requests(SessionsPath).Skip(before).Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task Stripe_refusing_the_session_is_a_502_problem_that_does_not_leak_stripes_message()
    {
        var admin = await factory.RegisterAsync();
        factory.Stripe.RefuseCheckoutFor(admin.TenantId);

        var response = await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" });

        await response.EnsureStatusAsync(HttpStatusCode.BadGateway);
        var problem = await response.ProblemAsync();
        Assert.Equal("Stripe did not complete the request.", problem["title"]!.GetValue<string>());
        Assert.DoesNotContain("price_", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("locked", (await admin.StatusAsync())["access"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_plan_is_refused_on_its_field_without_calling_stripe()
    {
        var admin = await factory.RegisterAsync();
        var before = factory.Stripe.Requests(SessionsPath).Count;

        var response = await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "platinum" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["plan"]);
        Assert.Equal(before, factory.Stripe.Requests(SessionsPath).Count);
    }

    [Fact]
    public async Task Only_admins_open_checkout_or_the_portal()
    {
        var admin = await factory.RegisterAsync();
        await factory.SubscribeAsync(admin, "enterprise");
        var editor = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");

        var checkout = await editor.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" });
        var portal = await editor.Client.PostAsync("/api/v1/subscriptions/portal", null);
        var status = await editor.Client.GetAsync("/api/v1/subscriptions/status");

        await checkout.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await portal.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await status.EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_subscribed_tenant_is_sent_to_the_portal_rather_than_into_a_second_subscription()
    {
        var admin = await factory.RegisterAsync();
        await factory.SubscribeAsync(admin, "basic");

        var checkout = await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" });

        await checkout.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("portal", (await checkout.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_opens_for_the_tenants_stripe_customer_and_returns_its_url()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");

        var response = await admin.Client.PostAsync("/api/v1/subscriptions/portal", null);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(FakeStripe.PortalUrl, (await response.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>());
        var sent = factory.Stripe.Requests("/v1/billing_portal/sessions").Last(r => r.Form["customer"] == events.CustomerId);
        Assert.Equal($"{StripeApiFactory.PublicBaseUrl}/settings/billing", sent.Form["return_url"]);
    }

    [Fact]
    public async Task The_portal_needs_a_subscription_first()
    {
        var admin = await factory.RegisterAsync();

        var response = await admin.Client.PostAsync("/api/v1/subscriptions/portal", null);

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_returning_customer_checks_out_as_the_same_stripe_customer()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        await factory.DeliverOkAsync(events.SubscriptionDeleted("basic", second: 60));
        var before = factory.Stripe.Requests(SessionsPath).Count;

        await (await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" })).EnsureStatusAsync(HttpStatusCode.OK);

        var sent = factory.Stripe.Requests(SessionsPath).Skip(before).Single();
        Assert.Equal(events.CustomerId, sent.Form["customer"]);
        Assert.False(sent.Form.ContainsKey("customer_email"));
    }

    [Fact]
    public async Task The_plans_are_public_with_their_prices_and_limits()
    {
        var plans = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/subscriptions/plans"))!;

        Assert.True(plans["billingEnabled"]!.GetValue<bool>());
        var byCode = plans["plans"]!.AsArray().ToDictionary(p => p!["code"]!.GetValue<string>());
        Assert.Equal(["basic", "pro", "enterprise"], byCode.Keys);
        Assert.Equal(29m, byCode["basic"]!["monthlyPriceUsd"]!.GetValue<decimal>());
        Assert.Equal(79m, byCode["pro"]!["monthlyPriceUsd"]!.GetValue<decimal>());
        Assert.Equal(199m, byCode["enterprise"]!["monthlyPriceUsd"]!.GetValue<decimal>());
        Assert.Equal(1, byCode["basic"]!["limits"]!["brands"]!.GetValue<int>());
        Assert.Equal(5, byCode["pro"]!["limits"]!["brands"]!.GetValue<int>());
        Assert.Null(byCode["enterprise"]!["limits"]!["brands"]);
        Assert.True(byCode["pro"]!["limits"]!["automation"]!.GetValue<bool>());
        Assert.True(byCode["enterprise"]!["limits"]!["team"]!.GetValue<bool>());
        Assert.DoesNotContain("price_", plans.ToJsonString(), StringComparison.Ordinal);
    }
}
