using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// An asset as the API shows it. <see cref="Status"/> is <c>current</c> or <c>archived</c> (archived ones do not ground
/// the AI); <see cref="ArchiveSuggestion"/> says why the document looks no longer valid, for the files page to propose
/// archiving it (null when nothing suggests it).
/// </summary>
public sealed record AssetDto(
    Guid Id, Guid? CompanyId, string Name, string OriginalFileName, string Type, string MediaType, long SizeBytes, string Sha256,
    string State, string? FailureReason, int? Width, int? Height, double? DurationSeconds, int ChunkCount, IReadOnlyList<string> Tags,
    Uri Url, Uri? ThumbnailUrl, Uri? PreviewUrl, DateTimeOffset CreatedAt, DateTimeOffset? ProcessedAt, string Status, Guid? SupersededBy,
    DateTimeOffset? ArchivedAt, string? ArchiveSuggestion, string? AltText, int Version, AssetOriginDto? Origin);

/// <summary>
/// Where an imported asset came from: the Google Drive file (its id, its name there, a link that opens it in Drive) and
/// when the asset was last brought in line with it.
/// </summary>
public sealed record AssetOriginDto(string FileId, string Name, Uri Link, DateTimeOffset SyncedAt);

public sealed record AssetPage(IReadOnlyList<AssetDto> Items, int Page, int PageSize, int Total);

internal static class AssetLinks
{
    public static AssetDto ToDto(this BrandAsset a, IFileStorage storage) => new(
        a.Id, a.CompanyId, a.Name, a.OriginalFileName, a.Type.ToString().ToLowerInvariant(), a.MediaType, a.SizeBytes, a.Sha256,
        a.State.ToString().ToLowerInvariant(), a.FailureReason, a.Width, a.Height, a.DurationSeconds, a.ChunkCount, a.Tags,
        storage.CreateSignedUrl(a.StorageKey, storage.DefaultLinkLifetime, LinkAudience.Browser, a.Name),
        a.ThumbnailSmallKey is null ? null : storage.CreateSignedUrl(a.ThumbnailSmallKey, storage.DefaultLinkLifetime, LinkAudience.Browser),
        a.ThumbnailLargeKey is null ? null : storage.CreateSignedUrl(a.ThumbnailLargeKey, storage.DefaultLinkLifetime, LinkAudience.Browser),
        a.CreatedAt, a.ProcessedAt, a.Status.ToString().ToLowerInvariant(), a.SupersededBy, a.ArchivedAt, a.ArchiveSuggestion, a.AltText,
        a.Version, a.Origin is { } o ? new AssetOriginDto(o.FileId, o.Name, new Uri(o.Link), o.SyncedAt) : null);

    /// <summary>Objects of a tenant live under its own prefix: <c>tenant-{id}/assets/{assetId}/...</c>.</summary>
    public static string OriginalKey(Guid tenantId, Guid assetId, string extension) =>
        $"tenant-{tenantId:N}/assets/{assetId:N}/original{extension}";

    public static string ThumbnailKey(Guid tenantId, Guid assetId, int size) =>
        $"tenant-{tenantId:N}/assets/{assetId:N}/thumb-{size}.png";
}
