namespace BrandAutomator.Infrastructure.Assets;

/// <summary>
/// One asset waiting to be processed. The queue lives in the catalog, so that one query finds work across every
/// tenant, and workers on several API instances share it safely (FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class AssetJob
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid AssetId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset RunAfter { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
