using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Analytics;

public sealed record ConnectionCollection(int Read, int Postponed, int Stopped);

/// <summary>
/// One connection's share of a collection run: its account once a day, then its due posts, oldest window first, until
/// the budget is spent or the network asks to wait. Values of a window replace that window's values (one row per post,
/// metric and window), so a run repeated after a crash stores nothing twice. A refused token is refreshed once; if
/// that does not help the connection is marked for reconnecting, which is the warning members already see.
/// </summary>
public sealed class MetricsCollector(
    ITenantDb db, PublishingCredentials credentials, Content.TenantTime time, IOptions<AnalyticsOptions> options, TimeProvider clock)
{
    public async Task<ConnectionCollection> CollectAsync(
        SocialConnection connection, INetworkMetricsReader reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.MetricsAccounts.FirstOrDefaultAsync(a => a.ConnectionId == connection.Id, cancellationToken);
        if (state is null)
        {
            state = MetricsAccount.For(connection.Id);
            db.MetricsAccounts.Add(state);
        }

        if (state.IsPausedAt(now))
        {
            // The network asked this connection to wait: not one request before the time it named.
            return new ConnectionCollection(0, 0, 0);
        }

        var budget = options.Value.RequestsPerConnectionPerRun;
        var due = await db.PostPerformance
            .Where(p => p.ConnectionId == connection.Id && p.NextCollectionAt != null && p.NextCollectionAt <= now)
            .OrderBy(p => p.NextCollectionAt).Take(budget).ToListAsync(cancellationToken);
        int read = 0, stopped = 0;

        if (state.AccountDueAt(now))
        {
            // Follower counts are dated where the workspace is, as the reports read days.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, await time.ZoneAsync(cancellationToken)).DateTime);
            MetricsRead account;
            if (reader.ReadsAccount(connection.ExternalAccountId))
            {
                budget--;
                account = await ReadAsync(connection, token => reader.ReadAccountAsync(
                    new AccountMetricsRequest(connection.ExternalAccountId, token, today.AddDays(-7), today.AddDays(-1)), cancellationToken), cancellationToken);
            }
            else
            {
                account = MetricsRead.Failed(MetricsReadKind.NotAvailable, null);
            }

            if (await StopsAsync(account, connection, state, due, now, cancellationToken))
            {
                return new ConnectionCollection(0, due.Count, 0);
            }

            if (account.Kind == MetricsReadKind.Read)
            {
                await StoreAccountAsync(connection, account, today, now, cancellationToken);
            }

            // Read, or nothing the network will give: either way the account is asked again tomorrow, not every round.
            state.AccountRead(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        for (var i = 0; i < due.Count && budget > 0; i++, budget--)
        {
            var post = due[i];
            var answer = await ReadAsync(connection, token => reader.ReadPostAsync(
                new PostMetricsRequest(connection.ExternalAccountId, post.PlatformPostId, token, post.PublishedAt, connection.GrantedScopes), cancellationToken), cancellationToken);
            if (await StopsAsync(answer, connection, state, due.Skip(i).ToList(), now, cancellationToken))
            {
                return new ConnectionCollection(read, due.Count - i, stopped);
            }

            if (answer.Kind == MetricsReadKind.Read)
            {
                await StoreAsync(post, answer.Values, clock.GetUtcNow(), cancellationToken);
                read++;
            }
            else
            {
                post.Stop(answer.Message ?? $"{connection.Platform.DisplayName()} has no metrics for this post.");
                stopped++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new ConnectionCollection(read, 0, stopped);
    }

    /// <summary>Reads with the connection's token; a refused token is refreshed once and the read tried again.</summary>
    private async Task<MetricsRead> ReadAsync(SocialConnection connection, Func<string, Task<MetricsRead>> read, CancellationToken cancellationToken)
    {
        var answer = await read(credentials.AccessToken(connection));
        if (answer.Kind == MetricsReadKind.Unauthorized && await credentials.TryRefreshAsync(connection, cancellationToken))
        {
            answer = await read(credentials.AccessToken(connection));
        }

        return answer;
    }

    /// <summary>Whether the answer ends the connection's run: a rate limit or outage rests it, a refused token asks for a reconnect.</summary>
    private async Task<bool> StopsAsync(
        MetricsRead answer, SocialConnection connection, MetricsAccount state, IReadOnlyList<PostPerformance> waiting, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        switch (answer.Kind)
        {
            case MetricsReadKind.RetryLater:
                var resume = now + (answer.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(options.Value.DefaultPauseMinutes));
                state.Pause(resume);
                foreach (var post in waiting)
                {
                    post.Postpone(resume, answer.Message);
                }

                await db.SaveChangesAsync(cancellationToken);
                return true;
            case MetricsReadKind.Unauthorized:
                await db.SaveChangesAsync(cancellationToken);
                await credentials.RequireReconnectAsync(connection,
                    answer.Message ?? $"{connection.Platform.DisplayName()} refused the access while reading metrics");
                return true;
            default:
                return false;
        }
    }

    private async Task StoreAsync(PostPerformance post, IReadOnlyDictionary<MetricKind, long> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = MetricsSchedule.WindowOf(post.PublishedAt, now) ?? post.PublishedAt + MetricsSchedule.Horizon;
        var stored = await db.PostMetrics
            .Where(m => m.ContentItemId == post.ContentItemId && m.Platform == post.Platform && m.WindowStart == window)
            .ToDictionaryAsync(m => m.Kind, cancellationToken);
        foreach (var (kind, value) in values)
        {
            if (stored.TryGetValue(kind, out var row))
            {
                row.Replace(value, now);
            }
            else
            {
                db.PostMetrics.Add(PostMetric.Read(post.ContentItemId, post.Platform, kind, window, value, now));
            }
        }

        post.Record(values, now);
    }

    private async Task StoreAccountAsync(SocialConnection connection, MetricsRead answer, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = answer.Values.Select(v => new DailyMetricValue(v.Key, today, v.Value)).Concat(answer.Daily).ToList();
        var days = values.Select(v => v.Day).Distinct().ToList();
        var stored = await db.AccountMetrics.Where(m => m.ConnectionId == connection.Id && days.Contains(m.Day))
            .ToDictionaryAsync(m => (m.Kind, m.Day), cancellationToken);
        foreach (var value in values)
        {
            if (stored.TryGetValue((value.Kind, value.Day), out var row))
            {
                row.Replace(value.Value, now);
            }
            else
            {
                var added = AccountMetric.Read(connection.Id, connection.Platform, connection.CompanyId, value.Kind, value.Day, value.Value, now);
                db.AccountMetrics.Add(added);
                stored[(value.Kind, value.Day)] = added;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
