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
}
