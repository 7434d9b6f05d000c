using System.Numerics.Tensors;
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
public sealed class PassageVectorCache : IDisposable
{
    // About 170,000 passages of 384 dimensions across the tenants searched recently.
    private const long BudgetBytes = 256L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetBytes });
    private readonly SemaphoreSlim _loading = new(1, 1);

    internal async Task<TenantVectors> GetAsync(NpgsqlConnection connection, Guid tenantId, string stamp, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tenantId, out TenantVectors? cached) && cached!.Stamp == stamp)
        {
            return cached;
        }

        // One load at a time: concurrent first searches of a tenant would otherwise each read every vector.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(tenantId, out cached) && cached!.Stamp == stamp)
            {
                return cached;
            }

            var loaded = await LoadAsync(connection, stamp, cancellationToken);
            _cache.Set(tenantId, loaded, new MemoryCacheEntryOptions { Size = Math.Max(1, loaded.Bytes), SlidingExpiration = TimeSpan.FromMinutes(30) });
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets a tenant's vectors (its schema was dropped or rebuilt).</summary>
    public void Forget(Guid tenantId) => _cache.Remove(tenantId);

    private static async Task<TenantVectors> LoadAsync(NpgsqlConnection connection, string stamp, CancellationToken cancellationToken)
    {
        var chunkIds = new List<Guid>();
        var assetIds = new List<Guid>();
        var matrix = new List<float>();
        var dimensions = 0;
        await using var command = new NpgsqlCommand("SELECT id, asset_id, embedding FROM asset_chunks WHERE embedding IS NOT NULL ORDER BY asset_id, ordinal", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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

    public void Dispose()
    {
        _cache.Dispose();
        _loading.Dispose();
    }
}
