using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>Wakes the processing workers at once when work is queued in this process (others find it by polling).</summary>
public sealed class AssetJobSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

    public void Dispose() => _signal.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

/// <summary>
/// Queues assets in <c>public.asset_jobs</c> on the tenant context's own connection, so that the job rows commit or
/// roll back with the asset rows of the same upload.
/// </summary>
public sealed class AssetProcessingQueue(TenantDbContext db, ITenantContext tenant, AssetJobSignal signal) : IAssetProcessingQueue
{
    public async Task EnqueueAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO public.asset_jobs (tenant_id, asset_id, attempts, run_after, created_at) SELECT @tenant, id, 0, now(), now() FROM unnest(@ids) AS id",
            [
                new NpgsqlParameter("tenant", tenant.TenantId),
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = assetIds.ToArray() },
            ],
            cancellationToken);
        signal.Notify();
    }
}
