using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Analytics;

public sealed record CollectMetricsResult(int Tracked, int Read, int Postponed, int Stopped, int ConnectionsSkipped);

/// <summary>
/// Run by the clustered collection job for each tenant: posts published since the last run start being tracked, then
/// every connection reads the metrics of its posts whose window is due (<see cref="MetricsSchedule"/>) and its account's
/// followers once a day, within its request budget. Connections that were revoked or need reconnecting are skipped
/// (their warning is the connection's own); a rate limit rests the connection for the wait the network asks.
/// </summary>
public sealed record CollectMetrics : ICommand<CollectMetricsResult>;

public sealed class CollectMetricsHandler(ITenantDb db, MetricsCollector collector, IEnumerable<INetworkMetricsReader> readers, TimeProvider clock)
    : ICommandHandler<CollectMetrics, CollectMetricsResult>
{
    /// <summary>Newly published posts taken on per run; more wait for the next one.</summary>
    public const int TrackPerRun = 1000;

    public async ValueTask<CollectMetricsResult> Handle(CollectMetrics command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byPlatform = readers.ToDictionary(r => r.Platform);
        var tracked = await TrackNewPostsAsync(byPlatform, now, cancellationToken);

        var connections = await db.SocialConnections.OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        int read = 0, postponed = 0, stopped = 0, skipped = 0;
        foreach (var connection in connections.Where(c => byPlatform.ContainsKey(c.Platform)))
        {
            if (!connection.CanPublish)
            {
                // Revoked or refused: reading would fail the same way. The connection's warning asks for a reconnect, and
                // its posts are read again from the window they are in once it works.
                skipped++;
                continue;
            }

            var outcome = await collector.CollectAsync(connection, byPlatform[connection.Platform], now, cancellationToken);
            (read, postponed, stopped) = (read + outcome.Read, postponed + outcome.Postponed, stopped + outcome.Stopped);
        }

        return new CollectMetricsResult(tracked, read, postponed, stopped, skipped);
    }

    private async Task<int> TrackNewPostsAsync(Dictionary<SocialPlatform, INetworkMetricsReader> readers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - MetricsSchedule.Horizon;
        var platforms = readers.Keys.ToList();
        var fresh = await db.PublishAttempts.AsNoTracking()
            .Where(a => a.Outcome == PublishOutcome.Published && a.PlatformPostId != null && a.PlatformPostId != "" && a.ConnectionId != null &&
                        a.FinishedAt >= since && platforms.Contains(a.Platform))
            .Where(a => !db.PostPerformance.Any(p => p.ContentItemId == a.ContentItemId && p.Platform == a.Platform))
            .Join(db.ContentItems.AsNoTracking(), a => a.ContentItemId, c => c.Id, (a, c) => new { Attempt = a, c.CompanyId })
            .OrderBy(x => x.Attempt.FinishedAt).Take(TrackPerRun)
            .ToListAsync(cancellationToken);
        var added = new HashSet<(Guid, SocialPlatform)>();
        foreach (var x in fresh)
        {
            // A post that went out twice on one network (a repost) is tracked once, by its first id.
            if (added.Add((x.Attempt.ContentItemId, x.Attempt.Platform)))
            {
                db.PostPerformance.Add(PostPerformance.Track(x.Attempt.ContentItemId, x.Attempt.Platform, x.CompanyId, x.Attempt.ConnectionId!.Value,
                    x.Attempt.PlatformPostId!, x.Attempt.FinishedAt ?? x.Attempt.StartedAt, readers[x.Attempt.Platform].HasPostMetrics));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }
}
