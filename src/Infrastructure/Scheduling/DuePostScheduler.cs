using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// The durable timer of scheduled posts: one row per scheduled post of every tenant in <c>quartz.due_posts</c> (the
/// scheduler's schema), keyed by tenant and post, with the time it is due. Every node claims due rows in batches with
/// <c>FOR UPDATE SKIP LOCKED</c> under a lease it renews while it publishes them (<see cref="DuePostDispatcher"/>).
/// </summary>
/// <remarks>
/// It replaces one Quartz job and trigger per post. Quartz fires, records and deletes every trigger under one cluster-wide
/// lock row, so at a peak minute every post queued behind that row (bench/publish --peak: 76 statements and 3.3 s of lock
/// waits a post). Here one statement claims a batch, nothing is shared between the claims of two nodes, and one
/// statement ends each post. The application's clock decides what is due (as it did for Quartz), the database's clock
/// times the leases.
/// </remarks>
internal static class DuePostsTable
{
    public const string Name = QuartzSchema.Schema + ".due_posts";

    /// <summary>Created with Quartz's tables, under the same advisory lock (see <see cref="QuartzSchema"/>).</summary>
    public static readonly string[] Create =
    [
        $"""
         CREATE TABLE IF NOT EXISTS {Name} (
             tenant_id uuid NOT NULL,
             item_id uuid NOT NULL,
             due_at timestamptz NOT NULL,
             version bigint NOT NULL DEFAULT 1,
             leased_until timestamptz NULL,
             failures integer NOT NULL DEFAULT 0,
             PRIMARY KEY (tenant_id, item_id))
         """,
        $"CREATE INDEX IF NOT EXISTS due_posts_due_at ON {Name} (due_at)",
    ];
}

/// <summary>
/// <see cref="IPublishScheduler"/> on <see cref="DuePostsTable"/> for the current tenant. Scheduling a post that has a
/// row moves its time and gives it a new version, so a run still out with the old version cannot remove the new time.
/// </summary>
public sealed class DuePostScheduler(NpgsqlDataSource dataSource, ITenantContext tenant) : IPublishScheduler
{
    public Task ScheduleAsync(Guid itemId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync([(itemId, at)], cancellationToken);

    public Task ScheduleAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        WriteAsync(items,
            "ON CONFLICT (tenant_id, item_id) DO UPDATE SET due_at = EXCLUDED.due_at, version = d.version + 1, leased_until = NULL, failures = 0",
            cancellationToken);

    public Task ScheduleNewAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        WriteAsync(items, "ON CONFLICT (tenant_id, item_id) DO NOTHING", cancellationToken);

    public Task<int> ScheduleMissingAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        WriteAsync(items, "ON CONFLICT (tenant_id, item_id) DO NOTHING", cancellationToken);

    /// <summary>Writes the rows in one statement and returns how many it wrote (a conflict left alone is not counted).</summary>
    private async Task<int> WriteAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, string onConflict, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        // One statement for any number of posts; the same post twice in one call keeps its last time.
        var last = new Dictionary<Guid, DateTimeOffset>();
        foreach (var (itemId, at) in items)
        {
            last[itemId] = at;
        }

        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {DuePostsTable.Name} AS d (tenant_id, item_id, due_at) SELECT $1, i, t FROM unnest($2::uuid[], $3::timestamptz[]) AS u(i, t) {onConflict}");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = last.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = last.Values.Select(a => a.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UnscheduleAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM {DuePostsTable.Name} WHERE tenant_id = $1 AND item_id = $2");
        AddKey(command, itemId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsScheduledAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {DuePostsTable.Name} WHERE tenant_id = $1 AND item_id = $2)");
        AddKey(command, itemId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private void AddKey(NpgsqlCommand command, Guid itemId)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = itemId, NpgsqlDbType = NpgsqlDbType.Uuid });
    }
}
