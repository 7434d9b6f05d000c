using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Errors;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// The plan's monthly AI requests, metered in the tenant's schema. A request is counted when it is reserved, before the
/// provider is called, so that concurrent requests cannot together pass the quota; one the provider fails is given back.
/// </summary>
public sealed class AiQuota(IAiUsageMeter meter, PlanEntitlements entitlements, TimeProvider clock)
{
    public string CurrentMonth => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Counts one request, or refuses with 402 naming the monthly limit.</summary>
    public async Task<string> ReserveAsync(CancellationToken cancellationToken)
    {
        var month = CurrentMonth;
        var current = await entitlements.CurrentAsync(cancellationToken);
        if (await meter.TryReserveRequestAsync(month, current.Limits.MonthlyAiRequests, cancellationToken))
        {
            return month;
        }

        var usage = await meter.ReadAsync(month, cancellationToken);
        await entitlements.EnsureAiRequestAvailableAsync(usage.Requests, cancellationToken);
        // The month filled up between the two reads.
        throw new PlanLimitException(PlanEntitlements.AiRequestsLimit, "All AI requests of this month are used.");
    }

    public Task ReleaseAsync(string month) => meter.ReleaseRequestAsync(month, CancellationToken.None);

    public Task RecordTokensAsync(string month, AiTokenUsage usage) =>
        usage == AiTokenUsage.None ? Task.CompletedTask : meter.RecordTokensAsync(month, usage, CancellationToken.None);

    public Task RecordCachedAsync() => meter.RecordCachedResponseAsync(CurrentMonth, CancellationToken.None);
}

/// <summary>
/// Runs a structured request once per distinct input: a cached answer is returned without calling the provider or
/// counting a request; otherwise a request is reserved, the provider called, and its answer cached for next time.
/// </summary>
public sealed class CachedAiCall(IAiResponseCache cache, AiQuota quota)
{
    public async Task<(T Value, bool Cached)> RunAsync<T>(string key, string kind, Func<CancellationToken, Task<AiResult<T>>> call, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(key, cancellationToken) is { } json &&
            System.Text.Json.JsonSerializer.Deserialize<T>(json, System.Text.Json.JsonSerializerOptions.Web) is { } cached)
        {
            await quota.RecordCachedAsync();
            return (cached, true);
        }

        var month = await quota.ReserveAsync(cancellationToken);
        AiResult<T> result;
        try
        {
            result = await call(cancellationToken);
        }
        catch (ExternalServiceException)
        {
            await quota.ReleaseAsync(month);
            throw;
        }

        await quota.RecordTokensAsync(month, result.Usage);
        await cache.PutAsync(key, kind, System.Text.Json.JsonSerializer.Serialize(result.Value, System.Text.Json.JsonSerializerOptions.Web), cancellationToken);
        return (result.Value, false);
    }
}
