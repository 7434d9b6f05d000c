using System.Collections.Concurrent;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Each node's publisher of due posts. It claims due rows of <see cref="DuePostsTable"/> in batches (never more than it has
/// free places for: <see cref="SchedulerOptions.MaxConcurrency"/> runs at once), runs <see cref="PublishDueContent"/> for
/// each in a scope set to the row's tenant, and removes the row when the run ends. While runs are out it renews their
/// leases; a node that dies stops renewing, and another node takes its rows once their lease has run out. A run is
/// idempotent (its claim on the post decides), so a row taken twice never publishes twice.
/// </summary>
/// <remarks>
/// The rows of runs that ended are removed together, in the same round trip and transaction as the next claim (at most
/// <see cref="SchedulerOptions.PollSeconds"/> later, and at once when the node stops): at a peak that is one connection
/// lease, reset and commit fewer for every post. Until then a row keeps its lease, so no node takes it; should this node
/// die first, the row is taken when the lease runs out and its run finds nothing to do.
/// </remarks>
public sealed partial class DuePostDispatcher(
    NpgsqlDataSource dataSource, IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, TimeProvider clock,
    ILogger<DuePostDispatcher> logger)
    : BackgroundService
{
    /// <summary>A run that throws is tried again after this long, and at most <see cref="MaxFailures"/> times in all.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(60);

    private const int MaxFailures = 5;

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Item), long> _running = new();

    /// <summary>Rows whose run has ended, to be removed with the next claim (unless the post was scheduled again meanwhile).</summary>
    private readonly ConcurrentQueue<(Guid Tenant, Guid Item, long Version)> _ended = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var places = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        var runs = new ConcurrentDictionary<Task, bool>();
        using var renewing = new CancellationTokenSource();
        var renewal = RenewLeasesAsync(TimeSpan.FromSeconds(settings.ClaimLeaseSeconds), renewing.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Wait for one free place, then take as many more as are free, up to a batch.
                await places.WaitAsync(stoppingToken);
                var wanted = 1;
                while (wanted < settings.MaxBatchSize && places.Wait(0, CancellationToken.None))
                {
                    wanted++;
                }

                List<(Guid Tenant, Guid Item, long Version)> claimed;
                try
                {
                    claimed = await ClaimAsync(wanted, settings.ClaimLeaseSeconds, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogClaimFailed(logger, ex);
                    claimed = [];
                }

                if (claimed.Count < wanted)
                {
                    places.Release(wanted - claimed.Count);
                }

                foreach (var row in claimed)
                {
                    _running[(row.Tenant, row.Item)] = row.Version;
                    var run = Task.Run(() => RunAsync(row), CancellationToken.None);
                    runs[run] = true;
                    _ = run.ContinueWith(
                        done =>
                        {
                            runs.TryRemove(done, out _);
                            places.Release();
                        },
                        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                if (claimed.Count < wanted)
                {
                    // Nothing more is due now: look again after the poll interval.
                    await Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no more claims; the runs out finish (their rows keep their leases until then).
        }

        await Task.WhenAll(runs.Keys);
        await renewing.CancelAsync();
        await renewal;
        await RemoveEndedAsync();
    }

    private async Task<List<(Guid Tenant, Guid Item, long Version)>> ClaimAsync(int count, double leaseSeconds, CancellationToken cancellationToken)
    {
        var ended = TakeEnded();
        await using var batch = dataSource.CreateBatch();
        if (ended.Count > 0)
        {
            batch.BatchCommands.Add(RemoveCommand(ended));
        }

        var command = new NpgsqlBatchCommand(
            $"""
             UPDATE {DuePostsTable.Name} d SET leased_until = clock_timestamp() + make_interval(secs => $2)
             FROM (SELECT tenant_id, item_id FROM {DuePostsTable.Name}
                   WHERE due_at <= $3 AND (leased_until IS NULL OR leased_until < clock_timestamp())
                   ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
             WHERE d.tenant_id = due.tenant_id AND d.item_id = due.item_id
             RETURNING d.tenant_id, d.item_id, d.version
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = count, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = leaseSeconds, NpgsqlDbType = NpgsqlDbType.Double });
        // What is due is the application's clock, as for the run's own check and for Quartz's triggers (a test host may
        // shift it); leases are the database's clock, the one every node shares.
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(command);
        var claimed = new List<(Guid, Guid, long)>();
        try
        {
            // One implicit transaction: the ended rows go and the next ones are claimed, or neither.
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2)));
            }
        }
        catch
        {
            ended.ForEach(_ended.Enqueue);
            throw;
        }

        return claimed;
    }

    private async Task RunAsync((Guid Tenant, Guid Item, long Version) row)
    {
        try
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(row.Tenant);
                    // Not cancelled by a shutdown: a run stopped between its request and the answer would leave the post unconfirmed.
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PublishDueContent(row.Item), CancellationToken.None);
                }

                // Done (published, failed, retry set, or nothing to do): the row goes with the next claim, unless the post was
                // scheduled again meanwhile.
                _ended.Enqueue(row);
            }
            catch (Exception ex)
            {
                LogRunFailed(logger, row.Item, row.Tenant, ex);
                await FailedAsync(
                    $"""
                     WITH failed AS (UPDATE {DuePostsTable.Name} SET failures = failures + 1, leased_until = clock_timestamp() + make_interval(secs => $4)
                                     WHERE tenant_id = $1 AND item_id = $2 AND version = $3 RETURNING tenant_id, item_id, failures)
                     DELETE FROM {DuePostsTable.Name} d USING failed WHERE d.tenant_id = failed.tenant_id AND d.item_id = failed.item_id AND failed.failures >= {MaxFailures}
                     """,
                    row, RetryAfterFailure.TotalSeconds);
            }
        }
        finally
        {
            _running.TryRemove((row.Tenant, row.Item), out _);
        }
    }

    /// <summary>Every third of the lease, the rows of the runs still out get a full lease again, in one statement.</summary>
    private async Task RenewLeasesAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var running = _running.ToArray();
                if (running.Length == 0)
                {
                    continue;
                }

                try
                {
                    await using var command = dataSource.CreateCommand(
                        $"""
                         UPDATE {DuePostsTable.Name} d SET leased_until = clock_timestamp() + make_interval(secs => $4)
                         FROM unnest($1::uuid[], $2::uuid[], $3::bigint[]) AS r(tenant_id, item_id, version)
                         WHERE d.tenant_id = r.tenant_id AND d.item_id = r.item_id AND d.version = r.version
                         """);
                    command.Parameters.Add(new NpgsqlParameter { Value = running.Select(r => r.Key.Tenant).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                    command.Parameters.Add(new NpgsqlParameter { Value = running.Select(r => r.Key.Item).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                    command.Parameters.Add(new NpgsqlParameter { Value = running.Select(r => r.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                    command.Parameters.Add(new NpgsqlParameter { Value = lease.TotalSeconds, NpgsqlDbType = NpgsqlDbType.Double });
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(logger, running.Length, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the dispatcher.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due posts failed; trying again after the poll interval")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing post {ItemId} of tenant {TenantId} failed; it is tried again later")]
    private static partial void LogRunFailed(ILogger logger, Guid itemId, Guid tenantId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending {Count} due rows failed; they are taken again when their leases run out")]
    private static partial void LogEndFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of {Count} running posts failed")]
    private static partial void LogRenewFailed(ILogger logger, int count, Exception exception);
}
