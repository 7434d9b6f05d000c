using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Ai;

/// <summary>A self-hosted instance on the Basic plan with a quota of three AI requests a month.</summary>
public sealed class SmallAiQuotaApiFactory : ApiFactory
{
    public const int Quota = 3;

    public override Task InitializeAsync()
    {
        WithSetting("Billing:SelfHostedPlan", "basic");
        WithSetting("Billing:Plans:basic:MonthlyAiRequests", Quota.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return base.InitializeAsync();
    }
}

public sealed class AiQuotaTests(SmallAiQuotaApiFactory factory) : IClassFixture<SmallAiQuotaApiFactory>
{
    [Fact]
    public async Task Requests_past_the_monthly_quota_get_402_and_the_usage_shows_the_counts_while_cached_answers_are_free()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();
        var posts = new { companyId = company, platforms = new[] { "linkedIn" }, topic = "Fresh beans", count = 1 };

        await (await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", posts)).EnsureStatusAsync(HttpStatusCode.OK);
        var again = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", posts);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonObject>())!["source"]!["cached"]!.GetValue<bool>());
        Assert.Equal("done", (await account.ChatAsync(new { companyId = company, message = "What is our voice?" }))[^1].Name);
        Assert.Equal("done", (await account.ChatAsync(new { companyId = company, message = "Who is our audience?" }))[^1].Name);

        using var refused = await account.StartChatAsync(new { companyId = company, message = "One more?" });
        var otherPosts = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", posts with { topic = "Another topic" });
        var cachedPosts = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", posts);

        await refused.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        var problem = await refused.ProblemAsync();
        Assert.Equal("monthlyAiRequests", problem["limit"]!.GetValue<string>());
        Assert.Contains("Basic plan includes 3 AI requests a month", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await otherPosts.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
        await cachedPosts.EnsureStatusAsync(HttpStatusCode.OK);

        var monthBefore = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var usage = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/ai/usage"))!;
        var monthAfter = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, usage["requests"]!.GetValue<int>());
        Assert.Equal(3, usage["monthlyLimit"]!.GetValue<int>());
        Assert.Equal(0, usage["remaining"]!.GetValue<int>());
        Assert.Equal(2, usage["cachedResponses"]!.GetValue<int>());
        Assert.Equal("basic", usage["plan"]!.GetValue<string>());
        // The month the server counted in: the one before or after the request (a run at midnight on the last day of a month).
        Assert.Contains(usage["month"]!.GetValue<string>(), new[] { monthBefore, monthAfter });
        // The refused question left nothing behind: two sessions, each with one question and one answer.
        Assert.Equal(4, await factory.CountAsync($"SELECT count(*) FROM tenant_{account.TenantId:N}.chat_messages"));
    }

    [Fact]
    public async Task Strategy_and_market_analysis_need_a_plan_with_advanced_ai()
    {
        var account = await factory.RegisterAsync();
        var company = await account.CreateBrandAsync();

        foreach (var path in new[] { "/api/v1/ai/generate-brand-strategy", "/api/v1/ai/analyze-market" })
        {
            var response = await account.Client.PostAsJsonAsync(path, new { companyId = company });
            await response.EnsureStatusAsync(HttpStatusCode.PaymentRequired);
            Assert.Equal("advancedAi", (await response.ProblemAsync())["limit"]!.GetValue<string>());
        }

        Assert.Equal(0, (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/ai/usage"))!["requests"]!.GetValue<int>());
    }
}
