using BrandAutomator.Application.Ai;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Infrastructure.Ai;

/// <summary>A month of a tenant's AI use (table <c>ai_usage</c> of its schema).</summary>
public sealed class AiUsageRow
{
    public string Month { get; set; } = "";

    public int Requests { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public int CachedResponses { get; set; }
}

/// <summary>A structured answer kept for identical requests (table <c>ai_response_cache</c> of the tenant's schema).</summary>
public sealed class AiCacheRow
{
    public string Key { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Json { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Counts in single statements (<c>INSERT ... ON CONFLICT DO UPDATE</c>), so that concurrent requests of a tenant never
/// lose a count and never pass the quota together.
/// </summary>
public sealed class AiUsageMeter(TenantDbContext db) : IAiUsageMeter
{
    public async Task<AiUsageMonth> ReadAsync(string month, CancellationToken cancellationToken)
    {
        var row = await db.AiUsage.AsNoTracking().SingleOrDefaultAsync(u => u.Month == month, cancellationToken);
        return row is null
            ? new AiUsageMonth(month, 0, 0, 0, 0)
            : new AiUsageMonth(month, row.Requests, row.InputTokens, row.OutputTokens, row.CachedResponses);
    }

    public async Task<bool> TryReserveRequestAsync(string month, int quota, CancellationToken cancellationToken)
    {
        if (quota <= 0)
        {
            return false;
        }

        var counted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ai_usage (month, requests, input_tokens, output_tokens, cached_responses) VALUES ({month}, 1, 0, 0, 0)
            ON CONFLICT (month) DO UPDATE SET requests = ai_usage.requests + 1 WHERE ai_usage.requests < {quota}
            """, cancellationToken);
        return counted == 1;
    }

    public Task ReleaseRequestAsync(string month, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE ai_usage SET requests = requests - 1 WHERE month = {month} AND requests > 0", cancellationToken);

    public Task RecordTokensAsync(string month, AiTokenUsage usage, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO ai_usage (month, requests, input_tokens, output_tokens, cached_responses)
            VALUES ({month}, 0, {(long)usage.InputTokens}, {(long)usage.OutputTokens}, 0)
            ON CONFLICT (month) DO UPDATE SET input_tokens = ai_usage.input_tokens + excluded.input_tokens,
                                              output_tokens = ai_usage.output_tokens + excluded.output_tokens
            """, cancellationToken);

    public Task RecordCachedResponseAsync(string month, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO ai_usage (month, requests, input_tokens, output_tokens, cached_responses) VALUES ({month}, 0, 0, 0, 1)
            ON CONFLICT (month) DO UPDATE SET cached_responses = ai_usage.cached_responses + 1
            """, cancellationToken);
}

/// <summary>The tenant's cache of structured answers; the schema is the tenant's, so a key never crosses tenants.</summary>
public sealed class AiResponseCache(TenantDbContext db, TimeProvider clock) : IAiResponseCache
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        await db.AiResponseCache.AsNoTracking().Where(c => c.Key == key).Select(c => c.Json).SingleOrDefaultAsync(cancellationToken);

    public Task PutAsync(string key, string kind, string json, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO ai_response_cache (key, kind, json, created_at) VALUES ({key}, {kind}, {json}, {clock.GetUtcNow()})
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
}
