using Microsoft.Extensions.Caching.Memory;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// How many of a tenant's passages hold each search word (its stem, counted up to the "common" cap of
/// <see cref="PassageRanking"/>), kept per tenant for its passages as they are: the same stamp as the vectors'
/// (assets, passages, last processing), so an upload, a new version or a deletion starts the counts afresh.
/// </summary>
/// <remarks>
/// The counts give each word its rarity (IDF) and only change when the documents do, yet counting a frequent word means
/// reading every passage that holds it: 2-3 ms of PostgreSQL time per word over 20,000 passages, on every search.
/// Question words repeat from search to search, so most are counted once per version of the documents.
/// </remarks>
public sealed class StemCountCache : IDisposable
{
    // Entries of one word each (a few hundred bytes), plus one stamp per tenant.
    private const long MaxEntries = 200_000;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The counts known for <paramref name="words"/> under the tenant's last stamp, and that stamp.</summary>
    public (string? Stamp, Dictionary<string, long> Counts) Known(Guid tenantId, IEnumerable<string> words)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!_cache.TryGetValue((tenantId, "stamp"), out string? stamp) || stamp is null)
        {
            return (null, counts);
        }

        foreach (var word in words)
        {
            if (_cache.TryGetValue((tenantId, stamp, word), out long count))
            {
                counts[word] = count;
            }
        }

        return (stamp, counts);
    }

    /// <summary>Keeps the counts of the tenant's passages as of <paramref name="stamp"/>, which becomes the tenant's last stamp.</summary>
    public void Remember(Guid tenantId, string stamp, IReadOnlyDictionary<string, long> counts)
    {
        var options = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle };
        _cache.Set((tenantId, "stamp"), stamp, options);
        foreach (var (word, count) in counts)
        {
            _cache.Set((tenantId, stamp, word), count, options);
        }
    }

    public void Dispose() => _cache.Dispose();
}
