namespace BrandAutomator.Domain.Assets;

/// <summary>
/// Where an imported asset came from: a Google Drive file (its id, its name there and a link to open it), the import
/// that brought it, the file's revision as imported (Drive's checksum, or its modified time for Docs), and when it was
/// last brought in line with Drive.
/// </summary>
public sealed record AssetOrigin(Guid SourceId, string FileId, string Name, string Link, string Revision, DateTimeOffset SyncedAt)
{
    public const int MaxFileIdLength = 200;
    public const int MaxNameLength = 255;
    public const int MaxLinkLength = 500;
    public const int MaxRevisionLength = 100;

    public static AssetOrigin FromDrive(Guid sourceId, string fileId, string name, string revision, DateTimeOffset syncedAt) => new(
        sourceId,
        fileId.Length > MaxFileIdLength ? fileId[..MaxFileIdLength] : fileId,
        name.Length > MaxNameLength ? name[..MaxNameLength] : name,
        $"https://drive.google.com/open?id={Uri.EscapeDataString(fileId)}",
        revision.Length > MaxRevisionLength ? revision[..MaxRevisionLength] : revision,
        syncedAt);
}
