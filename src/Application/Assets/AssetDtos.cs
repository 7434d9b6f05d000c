using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;

namespace BrandAutomator.Application.Assets;

public sealed record AssetDto(
    Guid Id, Guid? CompanyId, string Name, string OriginalFileName, string Type, string MediaType, long SizeBytes, string Sha256,
    string State, string? FailureReason, int? Width, int? Height, double? DurationSeconds, int ChunkCount, IReadOnlyList<string> Tags,
    Uri Url, Uri? ThumbnailUrl, Uri? PreviewUrl, DateTimeOffset CreatedAt, DateTimeOffset? ProcessedAt);

public sealed record AssetPage(IReadOnlyList<AssetDto> Items, int Page, int PageSize, int Total);

internal static class AssetLinks
{
    public static AssetDto ToDto(this BrandAsset a, IFileStorage storage) => new(
        a.Id, a.CompanyId, a.Name, a.OriginalFileName, a.Type.ToString().ToLowerInvariant(), a.MediaType, a.SizeBytes, a.Sha256,
        a.State.ToString().ToLowerInvariant(), a.FailureReason, a.Width, a.Height, a.DurationSeconds, a.ChunkCount, a.Tags,
        storage.CreateSignedUrl(a.StorageKey, storage.DefaultLinkLifetime, a.Name),
        a.ThumbnailSmallKey is null ? null : storage.CreateSignedUrl(a.ThumbnailSmallKey, storage.DefaultLinkLifetime),
        a.ThumbnailLargeKey is null ? null : storage.CreateSignedUrl(a.ThumbnailLargeKey, storage.DefaultLinkLifetime),
        a.CreatedAt, a.ProcessedAt);

    /// <summary>Objects of a tenant live under its own prefix: <c>tenant-{id}/assets/{assetId}/...</c>.</summary>
    public static string OriginalKey(Guid tenantId, Guid assetId, string extension) =>
        $"tenant-{tenantId:N}/assets/{assetId:N}/original{extension}";

    public static string ThumbnailKey(Guid tenantId, Guid assetId, int size) =>
        $"tenant-{tenantId:N}/assets/{assetId:N}/thumb-{size}.png";
}
