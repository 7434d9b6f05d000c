using BrandAutomator.Application.BrandGuard;
using Microsoft.Extensions.Caching.Memory;

namespace BrandAutomator.Infrastructure.BrandGuard;

/// <summary>
/// Each tenant's statements with figures, as of one version of its documents: the brand guard checks a post as the user
/// types, and reading and splitting every passage for each check would cost far more than the judging. Bounded by the
/// number of statements kept over all tenants; an idle tenant's are dropped after an hour.
/// </summary>
public sealed class GuardStatementCache : IDisposable
{
    // A statement with its words and figures is about a kilobyte: at most about 250 MB over all tenants.
    private const long MaxStatements = 250_000;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxStatements });

    public StatementIndex? Get(Guid tenantId, string version) =>
        _cache.TryGetValue(tenantId, out Entry? entry) && entry!.Version == version ? entry.Index : null;

    public void Keep(Guid tenantId, string version, StatementIndex index) =>
        _cache.Set(tenantId, new Entry(version, index),
            new MemoryCacheEntryOptions { Size = Math.Max(1, index.Statements.Count), SlidingExpiration = Idle });

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(string Version, StatementIndex Index);
}
