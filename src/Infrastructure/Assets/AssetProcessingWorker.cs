using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// Takes queued assets one at a time and processes each in a scope set to its tenant. A failed attempt is retried
/// later with exponential backoff and full jitter; a claim that a crashed worker left behind expires and is taken again.
/// </summary>
public sealed partial class AssetProcessingWorker(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, AssetJobSignal signal, ILogger<AssetProcessingWorker> logger) : BackgroundService
{
    private const int MaxJobAttempts = 8;
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Claimed? job;
            try
            {
                job = await ClaimAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database is away (start-up, restart): try again shortly.
                LogClaimFailed(logger, ex);
                await signal.WaitAsync(IdlePoll, stoppingToken);
                continue;
            }

            if (job is null)
            {
                await signal.WaitAsync(IdlePoll, stoppingToken);
                continue;
            }

            await RunAsync(job, stoppingToken);
        }
    }

    /// <summary>Processes every job that is due now, then returns: for tests and tools that need processing done.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
        }
    }

    private async Task RunAsync(Claimed job, CancellationToken cancellationToken)
    {
        ProcessingOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Use(job.TenantId);
            outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessAsset(job.AssetId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogJobFailed(logger, ex, job.AssetId, job.Attempts);
            outcome = job.Attempts >= MaxJobAttempts ? ProcessingOutcome.GaveUp : ProcessingOutcome.RetryLater;
        }

        await FinishAsync(job, outcome);
    }

    private async Task<Claimed?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE public.asset_jobs SET locked_until = now() + $1, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM public.asset_jobs
                WHERE run_after <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY run_after, id
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING id, tenant_id, asset_id, attempts
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ClaimLifetime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Claimed(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt32(3))
            : null;
    }

    private async Task FinishAsync(Claimed job, ProcessingOutcome outcome)
    {
        await using var command = outcome == ProcessingOutcome.RetryLater
            ? dataSource.CreateCommand("UPDATE public.asset_jobs SET locked_until = NULL, run_after = now() + $2 WHERE id = $1")
            : dataSource.CreateCommand("DELETE FROM public.asset_jobs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        if (outcome == ProcessingOutcome.RetryLater)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Backoff(job.Attempts) });
        }

        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Exponential backoff with full jitter: a random wait up to 2^attempts seconds, capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Random.Shared.NextDouble() * Math.Min(300, Math.Pow(2, attempts)));

    private sealed record Claimed(long Id, Guid TenantId, Guid AssetId, int Attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim asset work")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing job for asset {AssetId} failed (attempt {Attempt})")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid assetId, int attempt);
}
