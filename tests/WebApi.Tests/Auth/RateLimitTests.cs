using System.Net;
using System.Net.Http.Json;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.WebApi.Tests.Auth;

/// <summary>The production limits: 100 requests a minute per user, a stricter per-IP limit on /auth.</summary>
public sealed class RateLimitFactory : ApiFactory
{
    public RateLimitFactory()
    {
        WithSetting("RateLimits:PerUserPerMinute", "100");
        WithSetting("RateLimits:AuthPerIpPerMinute", "20");
        WithSetting("RateLimits:AccountEmailsPerIpPerHour", "3");
        WithSetting("RateLimits:CodeChecksPerMinute", "5");
        ConfigureServices = services => services.AddSingleton<IStartupFilter>(new RemoteAddressFromHeader());
    }

    /// <summary>The test server has no client address; this lets each test speak from its own.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Remote-IP"], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    [Fact]
    public async Task The_101st_request_in_a_minute_from_one_user_gets_429_with_retry_after()
    {
        var account = await factory.RegisterAsync();
        account.Client.DefaultRequestHeaders.Add("X-Test-Remote-IP", "198.51.100.7");
        for (var i = 0; i < 100; i++)
        {
            var ok = await account.Client.GetAsync("/api/v1/companies");
            await ok.EnsureStatusAsync(HttpStatusCode.OK);
        }

        var refused = await account.Client.GetAsync("/api/v1/companies");

        await refused.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await refused.ProblemAsync();
    }

    [Fact]
    public async Task The_auth_endpoints_are_limited_per_ip()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Remote-IP", "203.0.113.9");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.com", password = "wrong password" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Another address is not affected.
        var other = factory.CreateClient();
        other.DefaultRequestHeaders.Add("X-Test-Remote-IP", "203.0.113.10");
        var fromOther = await other.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.com", password = "wrong password" });
        await fromOther.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_ip_whatever_the_address()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Remote-IP", "198.51.100.31");
        for (var i = 0; i < 3; i++)
        {
            var accepted = await client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = ApiClient.UniqueEmail("probe") });
            await accepted.EnsureStatusAsync(HttpStatusCode.Accepted);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = ApiClient.UniqueEmail("probe") });

        await refused.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Guessing_reset_links_is_limited_and_every_guess_is_audited()
    {
        var account = await factory.RegisterAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Remote-IP", "198.51.100.32");
        for (var i = 0; i < 5; i++)
        {
            var guess = await client.PostAsJsonAsync("/api/v1/auth/password/reset",
                new { userId = account.UserId, token = $"guess-{i}", newPassword = "a brand new passphrase 7" });
            await guess.EnsureStatusAsync(HttpStatusCode.BadRequest);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password/reset",
            new { userId = account.UserId, token = "guess-6", newPassword = "a brand new passphrase 7" });

        await refused.EnsureStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(5L, await factory.CountAsync(
            $"SELECT count(*) FROM public.audit_events WHERE type = 'PasswordResetRefused' AND user_id = '{account.UserId}'"));
    }
}
