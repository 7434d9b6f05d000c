using System.Collections.Concurrent;
using BrandAutomator.Application.Links;
using Npgsql;

namespace BrandAutomator.Infrastructure.Links;

/// <summary>
/// Where short links go, read by code from the catalog with one indexed query on the shared pool (no tenant context,
/// no search_path) and kept in memory: a link's target never changes, so a popular link costs one read per node and
/// <see cref="Lifetime"/>. Unknown codes are remembered briefly too, so that guessing costs the database little.
/// </summary>
public sealed class ShortLinkDirectory(NpgsqlDataSource dataSource, TimeProvider clock) : IShortLinkDirectory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<string?> FindTargetAsync(string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(code, out var cached) && cached.Until > now)
        {
            return cached.Target;
        }

        await using var command = dataSource.CreateCommand("SELECT target_url FROM public.short_links WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        var target = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[code] = new Entry(target, now + (target is null ? MissLifetime : Lifetime));
        return target;
    }

    private sealed record Entry(string? Target, DateTimeOffset Until);
}
