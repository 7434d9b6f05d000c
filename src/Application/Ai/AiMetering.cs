namespace BrandAutomator.Application.Ai;

/// <summary>The tenant's AI use in one calendar month (UTC).</summary>
public sealed record AiUsageMonth(string Month, int Requests, long InputTokens, long OutputTokens, int CachedResponses);

/// <summary>Counts the current tenant's AI requests and tokens per month, in its own schema.</summary>
public interface IAiUsageMeter
{
    Task<AiUsageMonth> ReadAsync(string month, CancellationToken cancellationToken);

    /// <summary>Counts one request if the month has fewer than <paramref name="quota"/>; false, counting nothing, if not.</summary>
    Task<bool> TryReserveRequestAsync(string month, int quota, CancellationToken cancellationToken);

    /// <summary>Gives back a reserved request that the provider did not serve.</summary>
    Task ReleaseRequestAsync(string month, CancellationToken cancellationToken);

    Task RecordTokensAsync(string month, AiTokenUsage usage, CancellationToken cancellationToken);

    Task RecordCachedResponseAsync(string month, CancellationToken cancellationToken);
}

/// <summary>Earlier structured answers of the current tenant, by the hash of the request that produced them.</summary>
public interface IAiResponseCache
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task PutAsync(string key, string kind, string json, CancellationToken cancellationToken);
}
