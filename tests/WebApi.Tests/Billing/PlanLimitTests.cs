using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Billing;

public sealed class PlanLimitTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    [Fact]
    public async Task A_basic_tenant_gets_402_naming_the_brand_limit_and_an_upgrade_lifts_it_with_no_new_sign_in()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        await (await admin.CreateBrandAsync("First brand")).EnsureStatusAsync(HttpStatusCode.Created);

        var second = await admin.CreateBrandAsync("Second brand");

        await second.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        var problem = await second.ProblemAsync();
        Assert.Equal("brands", problem["limit"]!.GetValue<string>());
        Assert.Contains("Basic plan includes 1 brand", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await factory.DeliverOkAsync(events.SubscriptionUpdated("pro", "active", second: 60));

        // The same client, with the same access token as before the upgrade.
        await (await admin.CreateBrandAsync("Second brand")).EnsureStatusAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await admin.StatusAsync())["usage"]!["brands"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_brand_additions_cannot_overshoot_the_plan()
    {
        var admin = await factory.RegisterAsync();
        await factory.SubscribeAsync(admin, "pro");

        // Ten at once against a plan of five: each checks the count under the
        // tenant's brand lock, so exactly five get in and the others are told about the limit.
        var attempts = Enumerable.Range(0, 10).Select(i => admin.CreateBrandAsync($"Brand {i}"));
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.PaymentRequired));
        Assert.Equal(5, (await admin.StatusAsync())["usage"]!["brands"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_upgrade_also_applies_to_tokens_refreshed_after_it()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");
        await (await admin.CreateBrandAsync("First brand")).EnsureStatusAsync(HttpStatusCode.Created);
        await factory.DeliverOkAsync(events.SubscriptionUpdated("pro", "active", second: 60));

        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = admin.RefreshToken });
        var renewed = await factory.AccountFromAsync(refreshed, admin.Email, admin.Password);

        await (await renewed.CreateBrandAsync("Second brand")).EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_tenant_without_a_subscription_cannot_add_a_brand_and_is_told_to_choose_a_plan()
    {
        var admin = await factory.RegisterAsync();

        var response = await admin.CreateBrandAsync("First brand");

        await response.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        var problem = await response.ProblemAsync();
        Assert.Equal("brands", problem["limit"]!.GetValue<string>());
        Assert.Contains("Choose a plan", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var status = await admin.StatusAsync();
        Assert.True(status["paidFeaturesLocked"]!.GetValue<bool>());
        Assert.Equal("none", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inviting_team_members_needs_the_enterprise_plan()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");

        var onPro = await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email = ApiClient.UniqueEmail(), role = "editor" });
        await onPro.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("team", (await onPro.ProblemAsync())["limit"]!.GetValue<string>());
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.invitations WHERE tenant_id = '{admin.TenantId}'"));

        await factory.DeliverOkAsync(events.SubscriptionUpdated("enterprise", "active", second: 60));

        var onEnterprise = await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email = ApiClient.UniqueEmail(), role = "editor" });
        await onEnterprise.EnsureStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Automation_needs_a_plan_that_includes_it()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "basic");

        var refused = await Assert.ThrowsAsync<PlanLimitException>(() => AsTenantAsync(admin, e => e.EnsureAutomationAsync(CancellationToken.None)));
        Assert.Equal("automation", refused.Limit);
        Assert.Contains("Pro", refused.Message, StringComparison.Ordinal);

        await factory.DeliverOkAsync(events.SubscriptionUpdated("pro", "active", second: 60));
        await AsTenantAsync(admin, e => e.EnsureAutomationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_monthly_ai_quota_is_the_plans()
    {
        var admin = await factory.RegisterAsync();
        await factory.SubscribeAsync(admin, "basic");

        await AsTenantAsync(admin, e => e.EnsureAiRequestAvailableAsync(199, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<PlanLimitException>(() => AsTenantAsync(admin, e => e.EnsureAiRequestAvailableAsync(200, CancellationToken.None)));

        Assert.Equal("monthlyAiRequests", refused.Limit);
    }

    [Fact]
    public async Task A_canceled_subscription_locks_automation_and_ai_but_past_due_does_not()
    {
        var admin = await factory.RegisterAsync();
        var events = await factory.SubscribeAsync(admin, "pro");

        await factory.DeliverOkAsync(events.PaymentFailed(second: 60));
        await AsTenantAsync(admin, e => e.EnsureAutomationAsync(CancellationToken.None));

        await factory.DeliverOkAsync(events.SubscriptionDeleted("pro", second: 120));
        Assert.Equal("automation", (await Assert.ThrowsAsync<PlanLimitException>(() =>
            AsTenantAsync(admin, e => e.EnsureAutomationAsync(CancellationToken.None)))).Limit);
        Assert.Equal("monthlyAiRequests", (await Assert.ThrowsAsync<PlanLimitException>(() =>
            AsTenantAsync(admin, e => e.EnsureAiRequestAvailableAsync(0, CancellationToken.None)))).Limit);
    }

    /// <summary>The entitlements as a job or handler of this tenant sees them (the calendar and AI issues call these).</summary>
    private async Task AsTenantAsync(Account account, Func<PlanEntitlements, Task> check)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(account.TenantId);
        await check(scope.ServiceProvider.GetRequiredService<PlanEntitlements>());
    }
}
