using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.ApiKeys;

/// <summary>Per-key rate limits, and the last-used time and address admins see.</summary>
public sealed class ApiKeyUsageTests : IAsyncLifetime
{
    private readonly ApiFactory factory = new ApiFactory().WithSetting("ApiKeys:UsageFlushSeconds", "1");

    public Task InitializeAsync() => factory.InitializeAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_key_beyond_its_own_limit_gets_429_with_retry_after_and_another_key_is_unaffected()
    {
        var admin = await factory.RegisterAsync();
        var slow = await admin.CreateKeyAsync(["contentRead"], requestsPerMinute: 3, name: "slow");
        var other = await admin.CreateKeyAsync(["contentRead"], name: "other");
        var client = factory.KeyClient(slow.Secret);

        for (var i = 0; i < 3; i++)
        {
            await (await client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
        }

        var limited = await client.GetAsync("/api/v1/companies");
        await limited.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        await (await factory.KeyClient(other.Secret).GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
        // The admin's own session has its own budget too.
        await (await admin.Client.GetAsync("/api/v1/companies")).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Last_used_time_appears_shortly_after_use()
    {
        var admin = await factory.RegisterAsync();
        var key = await admin.CreateKeyAsync(["contentRead"]);
        var before = JsonNode.Parse(await admin.Client.GetStringAsync("/api/v1/api-keys"))!.AsArray().Single()!;
        Assert.Null(before["lastUsedAt"]);

        await (await factory.KeyClient(key.Secret).GetAsync("/api/v1/content")).EnsureStatusAsync(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        JsonNode listed;
        do
        {
            await Task.Delay(250);
            listed = JsonNode.Parse(await admin.Client.GetStringAsync("/api/v1/api-keys"))!.AsArray().Single()!;
        }
        while (listed["lastUsedAt"] is null && clock.Elapsed < TimeSpan.FromSeconds(20));

        Assert.NotNull(listed["lastUsedAt"]);
    }
}
