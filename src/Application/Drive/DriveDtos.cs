using BrandAutomator.Domain.Drive;

namespace BrandAutomator.Application.Drive;

/// <summary>The Google account Drive imports read as, and its health in words (<see cref="Problem"/> is null when it works).</summary>
public sealed record DriveConnectionDto(string Account, string Health, string? Problem, DateTimeOffset ConnectedAt);

/// <summary>
/// One import from Drive: a folder (<see cref="Kind"/> <c>folder</c>, perhaps kept in sync) or chosen files (<c>files</c>);
/// <see cref="State"/> is <c>queued</c>, <c>importing</c>, <c>imported</c> or <c>failed</c>, and <see cref="StateLabel"/>
/// says it in words. <see cref="Notes"/> are the files that were not imported, with why.
/// </summary>
public sealed record DriveSourceDto(
    Guid Id, string Kind, string Name, bool Sync, string State, string StateLabel, int ImportedCount, int SkippedCount,
    IReadOnlyList<string> Notes, string? Problem, DateTimeOffset? LastSyncedAt, DateTimeOffset CreatedAt);

/// <summary>
/// Whether this server can connect Google Drive (<see cref="UnavailableNote"/> says why not, in words), the workspace's
/// connection if any, and its imports, newest first.
/// </summary>
public sealed record DriveOverviewDto(bool Available, string? UnavailableNote, DriveConnectionDto? Connection, IReadOnlyList<DriveSourceDto> Imports);

/// <summary>
/// A file or folder as the import page lists it: <see cref="KindLabel"/> in words ("Folder", "Google Doc", "PDF"...),
/// whether it can be imported, and if not why.
/// </summary>
public sealed record DriveItemDto(
    string Id, string Name, bool IsFolder, string KindLabel, long? SizeBytes, DateTimeOffset ModifiedAt, bool Importable, string? NotImportableReason);

/// <summary>One page of a folder's listing; <see cref="NextPageToken"/> asks for the next.</summary>
public sealed record DriveFolderPageDto(string FolderId, IReadOnlyList<DriveItemDto> Items, string? NextPageToken);

internal static class DriveMapping
{
    public static DriveSourceDto ToDto(this DriveSource s) => new(
        s.Id, s.Kind == DriveSourceKind.Folder ? "folder" : "files", s.Name, s.Sync, s.State.ToString().ToLowerInvariant(),
        s.State switch
        {
            DriveImportState.Queued => "Waiting to start",
            DriveImportState.Importing => "Importing",
            DriveImportState.Imported => s.Sync ? "Imported, kept in sync" : "Imported",
            _ => "Stopped",
        },
        s.ImportedCount, s.SkippedCount, s.Notes, s.FailureReason, s.LastSyncedAt, s.CreatedAt);

    public static DriveItemDto ToItem(this DriveFile f)
    {
        var (label, reason) = Describe(f);
        return new DriveItemDto(f.Id, f.Name, f.IsFolder, label, f.Size, f.ModifiedAt, !f.IsFolder && reason is null, reason);
    }

    private static (string Label, string? Reason) Describe(DriveFile f) => f.MimeType switch
    {
        DriveFile.FolderMimeType => ("Folder", null),
        "application/vnd.google-apps.document" => ("Google Doc", null),
        "application/vnd.google-apps.spreadsheet" => ("Google Sheet", null),
        "application/vnd.google-apps.presentation" => ("Google Slides", null),
        "application/vnd.google-apps.drawing" => ("Google Drawing", null),
        "application/vnd.google-apps.shortcut" => ("Shortcut", "Shortcuts are not imported: open the folder they point to."),
        var m when m.StartsWith("application/vnd.google-apps.", StringComparison.Ordinal) => ("Google file", "This kind of Google file cannot be exported as a document."),
        "application/pdf" => ("PDF", null),
        var m when m.StartsWith("image/", StringComparison.Ordinal) => ("Image", null),
        var m when m.StartsWith("video/", StringComparison.Ordinal) => ("Video", null),
        var m when m.StartsWith("text/", StringComparison.Ordinal) => ("Text", null),
        DriveExports.Docx => ("Word document", null),
        _ => ("File", null),
    };
}
