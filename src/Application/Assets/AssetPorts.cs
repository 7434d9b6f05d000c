namespace BrandAutomator.Application.Assets;

/// <summary>The durable queue of processing work; enqueueing joins the tenant database's current transaction.</summary>
public interface IAssetProcessingQueue
{
    Task EnqueueAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken);
}

public sealed record FileSearchHit(Guid AssetId, string AssetName, string AssetType, Guid? ChunkId, int? Page, string Snippet, double Score);

/// <summary>Ranked full-text search over the tenant's asset passages and names.</summary>
public interface IAssetSearch
{
    Task<IReadOnlyList<FileSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The passages that share the most of <paramref name="terms"/> (any of them, ranked by how many and how close),
    /// whole, for grounding the AI; only assets of <paramref name="companyId"/> or of no company when one is given.
    /// </summary>
    Task<IReadOnlyList<PassageHit>> FindPassagesAsync(IReadOnlyCollection<string> terms, Guid? companyId, int limit, CancellationToken cancellationToken);
}

public sealed record PassageHit(Guid AssetId, string AssetName, Guid ChunkId, int? Page, string Text, double Score);
