using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// The embeddings of one tenant's passages in one contiguous block, for exact nearest-neighbour search in process
/// (this PostgreSQL has no pgvector). Rows are unit length, so a dot product is the cosine.
/// </summary>
internal sealed class TenantVectors
{
    public TenantVectors(Guid[] chunkIds, Guid[] assetIds, float[] matrix, int dimensions, string stamp)
    {
        ChunkIds = chunkIds;
        AssetIds = assetIds;
        Matrix = matrix;
        Dimensions = dimensions;
        Stamp = stamp;
        for (var i = 0; i < chunkIds.Length; i++)
        {
            Rows[chunkIds[i]] = i;
        }
    }

    public Guid[] ChunkIds { get; }

    public Guid[] AssetIds { get; }

    public float[] Matrix { get; }

    public int Dimensions { get; }

    /// <summary>What the tenant's passages were when these were read; a different stamp means they changed.</summary>
    public string Stamp { get; }

    public Dictionary<Guid, int> Rows { get; } = [];

    public int Count => ChunkIds.Length;

    public long Bytes => (long)Matrix.Length * sizeof(float) + (long)Count * 48;

    public double Cosine(int row, ReadOnlySpan<float> query) =>
        query.Length == Dimensions ? TensorPrimitives.Dot(Matrix.AsSpan(row * Dimensions, Dimensions), query) : double.NaN;
}

/// <summary>
/// Keeps each tenant's passage vectors in memory between searches (reading 20,000 of them takes far longer than
/// ranking them), reloaded when the tenant's passages change (the stamp: asset count, passage count, last processing
/// time) and evicted least-recently-used beyond a memory budget shared by all tenants.
/// </summary>
/// <remarks>
/// A load runs in the background on its own connection, one per tenant at a time, and is not cancelled when the search
/// that started it ends. A search that can wait (grounding an answer, or any search of a tenant with at most
/// <see cref="QuickLoad"/> passages) waits for it; search-files over a larger tenant waits a moment, then goes on with the
/// vectors it has: the previous ones while the passages changed (a new document's passages are missed for a few seconds,
/// a removed one's are not eligible anyway), or none on the tenant's very first search, ranked by words alone.
/// </remarks>
public sealed partial class PassageVectorCache(NpgsqlDataSource dataSource) : IDisposable
{
    // About 170,000 passages of 384 dimensions across the tenants searched recently.
    private const long BudgetBytes = 256L * 1024 * 1024;

    /// <summary>Up to this many passages, a load takes moments and every search waits for it.</summary>
    internal const int QuickLoad = 2000;

    /// <summary>How long an interactive search of a larger tenant waits for a load before it goes on without it.</summary>
    internal static readonly TimeSpan InteractiveWait = TimeSpan.FromMilliseconds(250);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });
    private readonly ConcurrentDictionary<Guid, Task<TenantVectors>> _loading = new();

    /// <summary>
    /// The tenant's vectors as of <paramref name="stamp"/>; when they are still loading after <paramref name="patience"/>,
    /// the previous ones or null (a null patience waits for the load).
    /// </summary>
    internal async Task<TenantVectors?> GetAsync(Guid tenantId, string schema, string stamp, TimeSpan? patience, CancellationToken cancellationToken)
    {
        _cache.TryGetValue(tenantId, out TenantVectors? cached);
        if (cached?.Stamp == stamp)
        {
            return cached;
        }

        var load = Load(tenantId, schema, stamp);
        if (patience is null)
        {
            return await load.WaitAsync(cancellationToken);
        }

        try
        {
            return await load.WaitAsync(patience.Value, cancellationToken);
        }
        catch (TimeoutException)
        {
            return cached;
        }
    }

    /// <summary>Forgets a tenant's vectors (its schema was dropped or rebuilt).</summary>
    public void Forget(Guid tenantId) => _cache.Remove(tenantId);

    private Task<TenantVectors> Load(Guid tenantId, string schema, string stamp)
    {
        while (true)
        {
            if (_loading.TryGetValue(tenantId, out var running))
            {
                if (!running.IsCompleted)
                {
                    // One load per tenant at a time; a load of older passages is followed by a fresh one when it ends.
                    return running.ContinueWith(t => t.IsCompletedSuccessfully && t.Result.Stamp == stamp ? t : Load(tenantId, schema, stamp),
                        CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                }

                _loading.TryRemove(KeyValuePair.Create(tenantId, running));
                if (running.IsCompletedSuccessfully && running.Result.Stamp == stamp)
                {
                    return running;
                }
            }

            var started = new TaskCompletionSource<TenantVectors>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_loading.TryAdd(tenantId, started.Task))
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var loaded = await ReadAsync(schema, stamp);
                        _cache.Set(tenantId, loaded, new MemoryCacheEntryOptions { Size = Math.Max(1, loaded.Bytes), SlidingExpiration = TimeSpan.FromMinutes(30) });
                        started.SetResult(loaded);
                    }
                    catch (Exception exception)
                    {
                        started.SetException(exception);
                    }
                    finally
                    {
                        _loading.TryRemove(KeyValuePair.Create(tenantId, started.Task));
                    }
                });
                return started.Task;
            }
        }
    }

    private async Task<TenantVectors> ReadAsync(string schema, string stamp)
    {
        if (!SchemaPattern().IsMatch(schema))
        {
            throw new InvalidOperationException($"'{schema}' is not a tenant schema name.");
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var chunkIds = new List<Guid>();
        var assetIds = new List<Guid>();
        var matrix = new List<float>();
        var dimensions = 0;
        await using var command = new NpgsqlCommand(
            $"SELECT id, asset_id, embedding FROM \"{schema}\".asset_chunks WHERE embedding IS NOT NULL ORDER BY asset_id, ordinal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var vector = reader.GetFieldValue<float[]>(2);
            if (dimensions == 0)
            {
                dimensions = vector.Length;
            }

            if (vector.Length != dimensions)
            {
                // Made by another model: left out until re-indexed.
                continue;
            }

            chunkIds.Add(reader.GetGuid(0));
            assetIds.Add(reader.GetGuid(1));
            matrix.AddRange(vector);
        }

        return new TenantVectors([.. chunkIds], [.. assetIds], [.. matrix], dimensions, stamp);
    }

    public void Dispose() => _cache.Dispose();

    [GeneratedRegex("^tenant_[0-9a-f]{32}$")]
    private static partial Regex SchemaPattern();
}
