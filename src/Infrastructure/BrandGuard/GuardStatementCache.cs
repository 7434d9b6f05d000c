using BrandAutomator.Application.BrandGuard;
using Microsoft.Extensions.Caching.Memory;

namespace BrandAutomator.Infrastructure.BrandGuard;

/// <summary>
/// Each tenant's statements with figures, per brand (a brand's documents and the workspace's), as of one version of its documents: the brand guard checks a post as the user
/// types, and reading and splitting every passage for each check would cost far more than the judging. Bounded by the
/// number of statements kept over all tenants; an idle tenant's are dropped after an hour.
/// </summary>
public sealed class GuardStatementCache : IDisposable
{
    // A statement with its words and figures is about a kilobyte: at most about 250 MB over all tenants.
    private const long MaxStatements = 250_000;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxStatements });

    /// <summary>The statements of one brand's and the workspace's documents (<paramref name="companyId"/> null: the workspace's alone).</summary>
    public StatementIndex? Get(Guid tenantId, Guid? companyId, string version) =>
        _cache.TryGetValue((tenantId, companyId), out Entry? entry) && entry!.Version == version ? entry.Index : null;

    public void Keep(Guid tenantId, Guid? companyId, string version, StatementIndex index) =>
        _cache.Set((tenantId, companyId), new Entry(version, index),
            new MemoryCacheEntryOptions { Size = Math.Max(1, index.Statements.Count), SlidingExpiration = Idle });

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(string Version, StatementIndex Index);
}
