using System.Collections.Concurrent;
using BrandAutomator.Application.Links;
using BrandAutomator.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Links;

/// <summary>
/// Clicks of short links, counted in memory by the redirect and written every <see cref="LinkOptions.ClickFlushSeconds"/>
/// in one statement (the link's total and its day's count, added to what is stored, so several nodes add up); the last
/// counts are written when the node stops. A failed write keeps its counts for the next round.
/// </summary>
public sealed partial class ShortLinkClickCounter(
    NpgsqlDataSource dataSource, IOptions<LinkOptions> options, TimeProvider clock, ILogger<ShortLinkClickCounter> logger)
    : PeriodicFlush, IClickCounter
{
    private readonly ConcurrentDictionary<(string Code, DateOnly Day), Tally> pending = new();

    public void Count(string code)
    {
        var now = clock.GetUtcNow();
        pending.AddOrUpdate((code, DateOnly.FromDateTime(now.UtcDateTime)), _ => new Tally(1, now),
            (_, tally) => new Tally(tally.Clicks + 1, tally.Last > now ? tally.Last : now));
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.IsEmpty)
        {
            return;
        }

        var taken = new List<((string Code, DateOnly Day) Key, Tally Tally)>();
        foreach (var key in pending.Keys)
        {
            if (pending.TryRemove(key, out var tally))
            {
                taken.Add((key, tally));
            }
        }

        try
        {
            await using var command = dataSource.CreateCommand(
                """
                WITH c AS (
                    SELECT u.code, u.day, u.clicks, u.at
                    FROM unnest($1::text[], $2::date[], $3::bigint[], $4::timestamptz[]) AS u(code, day, clicks, at)
                    WHERE EXISTS (SELECT 1 FROM public.short_links s WHERE s.code = u.code)
                ), days AS (
                    INSERT INTO public.short_link_click_days AS d (code, day, clicks)
                    SELECT code, day, clicks FROM c
                    ON CONFLICT (code, day) DO UPDATE SET clicks = d.clicks + excluded.clicks
                )
                UPDATE public.short_links s SET clicks = s.clicks + t.clicks, last_clicked_at = GREATEST(s.last_clicked_at, t.at)
                FROM (SELECT code, sum(clicks) AS clicks, max(at) AS at FROM c GROUP BY code) t
                WHERE s.code = t.code
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = taken.Select(t => t.Key.Code).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = taken.Select(t => t.Key.Day).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = taken.Select(t => t.Tally.Clicks).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = taken.Select(t => t.Tally.Last).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            foreach (var (key, tally) in taken)
            {
                pending.AddOrUpdate(key, tally, (_, now) => new Tally(now.Clicks + tally.Clicks, now.Last > tally.Last ? now.Last : tally.Last));
            }

            throw;
        }
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ClickFlushSeconds);

    protected override void FlushFailed(string failure) => LogFlushFailed(logger, failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write short link clicks ({Failure}); they are kept for the next round.")]
    private static partial void LogFlushFailed(ILogger logger, string failure);

    private sealed record Tally(long Clicks, DateTimeOffset Last);
}
