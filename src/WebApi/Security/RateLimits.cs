using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Security;

/// <summary>Section <c>RateLimits</c>: limits applied by the API itself (Kong adds a per-IP limit at the edge).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests a minute for each signed-in user, across all endpoints.</summary>
    [Range(1, 1_000_000)]
    public int PerUserPerMinute { get; set; } = 100;

    /// <summary>Requests a minute from one IP address to <c>/api/v1/auth/*</c> (sign-in, sign-up, refresh...).</summary>
    [Range(1, 1_000_000)]
    public int AuthPerIpPerMinute { get; set; } = 20;

    /// <summary>Account e-mails (password reset, address confirmation) asked for from one IP address in an hour.</summary>
    [Range(1, 1_000_000)]
    public int AccountEmailsPerIpPerHour { get; set; } = 20;

    /// <summary>Checks of a secret (reset or confirmation link, current password) a minute, per user or else per IP address.</summary>
    [Range(1, 1_000_000)]
    public int CodeChecksPerMinute { get; set; } = 10;

    /// <summary>Requests a minute from one IP address without a token, elsewhere.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerIpPerMinute { get; set; } = 300;

    /// <summary>Requests a minute from one IP address to client review links (no account: the secret in the path is all).</summary>
    [Range(1, 1_000_000)]
    public int ReviewLinksPerIpPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    public const string AuthPolicy = "auth";

    /// <summary>Endpoints that send e-mail to an address the caller names: stricter, so nobody floods an inbox or probes.</summary>
    public const string AccountEmailPolicy = "account-email";

    /// <summary>Endpoints that check a secret (link token, password): a few tries a minute, so guessing gets nowhere.</summary>
    public const string CodeCheckPolicy = "code-check";

    /// <summary>Client review links, opened without an account: a budget per address, so links cannot be guessed or hammered.</summary>
    public const string ReviewLinkPolicy = "review-link";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var settings = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var userId = context.User.FindFirstValue("sub");
                if (context.User.FindFirstValue(ApiKeyAuthentication.RateClaim) is { } keyRate)
                {
                    // Each API key has its own budget (its own, or ApiKeys:DefaultRequestsPerMinute).
                    return FixedWindow($"key:{userId}", int.Parse(keyRate, CultureInfo.InvariantCulture));
                }

                return userId is not null
                    ? FixedWindow($"user:{userId}", settings.PerUserPerMinute)
                    : FixedWindow($"ip:{ClientIp(context)}", settings.AnonymousPerIpPerMinute);
            });
            limiter.AddPolicy(AuthPolicy, context => FixedWindow($"auth:{ClientIp(context)}", settings.AuthPerIpPerMinute));
            limiter.AddPolicy(AccountEmailPolicy, context =>
                FixedWindow($"mail:{ClientIp(context)}", settings.AccountEmailsPerIpPerHour, TimeSpan.FromHours(1)));
            limiter.AddPolicy(CodeCheckPolicy, context =>
                FixedWindow($"code:{context.User.FindFirstValue("sub") ?? ClientIp(context)}", settings.CodeChecksPerMinute));
            limiter.AddPolicy(ReviewLinkPolicy, context => FixedWindow($"review:{ClientIp(context)}", settings.ReviewLinksPerIpPerMinute));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan? window = null) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window ?? TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Slow down: try again in {seconds} seconds.",
            },
        });
    }
}
