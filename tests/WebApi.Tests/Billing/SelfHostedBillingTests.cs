using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Tenants;

namespace BrandAutomator.WebApi.Tests.Billing;

/// <summary>No Stripe keys: billing is off and the configured self-hosted plan (Enterprise by default) applies to every tenant.</summary>
public sealed class SelfHostedBillingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_status_reports_billing_disabled_and_the_enterprise_plan()
    {
        var admin = await factory.RegisterAsync();

        var status = await admin.StatusAsync();

        Assert.False(status["billingEnabled"]!.GetValue<bool>());
        Assert.Equal("selfHosted", status["access"]!.GetValue<string>());
        Assert.Equal("enterprise", status["plan"]!.GetValue<string>());
        Assert.False(status["paidFeaturesLocked"]!.GetValue<bool>());
        Assert.Null(status["limits"]!["brands"]);
        Assert.True(status["limits"]!["team"]!.GetValue<bool>());
        Assert.Contains("self-hosted", status["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_billing_history_is_empty_and_cannot_be_refreshed_when_billing_is_off()
    {
        var admin = await factory.RegisterAsync();

        var history = await admin.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/subscriptions/invoices");
        var refresh = await admin.Client.PostAsync("/api/v1/subscriptions/invoices/refresh", null);

        Assert.False(history!["billingEnabled"]!.GetValue<bool>());
        Assert.Empty(history["invoices"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, refresh.StatusCode);
        Assert.Contains("self-hosted", (await refresh.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_self_hosted_plan_applies_many_brands_and_a_team()
    {
        var admin = await factory.RegisterAsync();

        for (var i = 0; i < 6; i++)
        {
            await (await admin.CreateBrandAsync($"Brand {i}")).EnsureStatusAsync(HttpStatusCode.Created);
        }

        await TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
    }

    [Fact]
    public async Task Checkout_and_the_portal_say_billing_is_off_on_this_instance()
    {
        var admin = await factory.RegisterAsync();

        var checkout = await admin.Client.PostAsJsonAsync("/api/v1/subscriptions/create-session", new { plan = "pro" });
        var portal = await admin.Client.PostAsync("/api/v1/subscriptions/portal", null);

        foreach (var response in new[] { checkout, portal })
        {
            await response.EnsureStatusAsync(HttpStatusCode.Conflict);
            Assert.Contains("Billing is off on this self-hosted instance", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_webhook_refuses_deliveries_while_billing_is_off()
    {
        var admin = await factory.RegisterAsync();
        var payload = new StripeEvents(admin.TenantId).CheckoutCompleted("basic", second: 0);

        var response = await factory.DeliverAsync(payload);

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("enterprise", (await admin.StatusAsync())["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_plans_are_listed_with_the_self_hosted_one_named()
    {
        var plans = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/subscriptions/plans"))!;

        Assert.False(plans["billingEnabled"]!.GetValue<bool>());
        Assert.Equal("enterprise", plans["selfHostedPlan"]!.GetValue<string>());
        Assert.Equal(3, plans["plans"]!.AsArray().Count);
    }
}

/// <summary>An instance configured with <c>Billing:SelfHostedPlan=basic</c>.</summary>
public sealed class BasicSelfHostedApiFactory : ApiFactory
{
    public override Task InitializeAsync()
    {
        WithSetting("Billing:SelfHostedPlan", "basic");
        return base.InitializeAsync();
    }
}

public sealed class ConfiguredSelfHostedPlanTests(BasicSelfHostedApiFactory factory) : IClassFixture<BasicSelfHostedApiFactory>
{
    [Fact]
    public async Task The_configured_self_hosted_plan_applies_with_its_limits()
    {
        var admin = await factory.RegisterAsync();
        await (await admin.CreateBrandAsync("Only brand")).EnsureStatusAsync(HttpStatusCode.Created);

        var second = await admin.CreateBrandAsync("Second brand");

        await second.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("brands", (await second.ProblemAsync())["limit"]!.GetValue<string>());
        var status = await admin.StatusAsync();
        Assert.Equal("basic", status["plan"]!.GetValue<string>());
        Assert.False(status["billingEnabled"]!.GetValue<bool>());
    }
}
