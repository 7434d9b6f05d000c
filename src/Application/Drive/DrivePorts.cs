namespace BrandAutomator.Application.Drive;

/// <summary>
/// A file or folder in Google Drive as the import needs it. <see cref="Size"/> is null for Google Docs, Sheets and
/// Slides (they have no bytes of their own until exported); <see cref="Md5"/> is null for them too.
/// </summary>
public sealed record DriveFile(
    string Id,
    string Name,
    string MimeType,
    long? Size,
    DateTimeOffset ModifiedAt,
    string? Md5,
    IReadOnlyList<string> Parents,
    bool Trashed)
{
    public const string FolderMimeType = "application/vnd.google-apps.folder";

    public bool IsFolder => MimeType == FolderMimeType;

    /// <summary>A Google Docs editors file: it is exported (see <see cref="DriveExports"/>), never downloaded.</summary>
    public bool IsGoogleNative => MimeType.StartsWith("application/vnd.google-apps.", StringComparison.Ordinal);
}

/// <summary>One page of a folder's listing; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record DriveFilePage(IReadOnlyList<DriveFile> Files, string? NextPageToken);

/// <summary>
/// One entry of Drive's changes feed: the file as it is now, or <see cref="Removed"/> when the user can no longer see
/// it (deleted for good, or access taken away). A trashed file comes as a change with <see cref="DriveFile.Trashed"/>.
/// </summary>
public sealed record DriveChange(string FileId, bool Removed, DriveFile? File);

/// <summary>
/// One page of changes. Either <see cref="NextPageToken"/> (more to read now) or <see cref="NewStartPageToken"/> (all
/// read: save it and start there next time) is set.
/// </summary>
public sealed record DriveChangePage(IReadOnlyList<DriveChange> Changes, string? NextPageToken, string? NewStartPageToken);

/// <summary>
/// A file's bytes as Drive streams them (never read whole into memory), with the type and name they have as imported:
/// an exported Doc is a .docx, a Sheet a .csv, a Slides deck a .pdf. Dispose to close the connection.
/// </summary>
public sealed class DriveContent(Stream content, string contentType, string fileName, long? length, IDisposable? owner = null) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public string ContentType { get; } = contentType;

    public string FileName { get; } = fileName;

    /// <summary>The length Drive announced, when it did (exports are sent chunked, without one).</summary>
    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}

/// <summary>Drive refused the access token (revoked, expired, or the scope withdrawn): the connection needs the user.</summary>
public sealed class DriveAuthorizationException(string message) : Exception(message);

/// <summary>Google Drive API v3, as the import and the sync use it. Every call acts with the given user's access token.</summary>
public interface IGoogleDrive
{
    /// <summary>The folder's direct children (files and sub-folders), not trashed, one page at a time.</summary>
    Task<DriveFilePage> ListFolderAsync(string accessToken, string folderId, string? pageToken, CancellationToken cancellationToken);

    /// <summary>The file's metadata; null when it does not exist or the user cannot see it.</summary>
    Task<DriveFile?> GetFileAsync(string accessToken, string fileId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the file's content as a stream: its bytes (<c>files.get?alt=media</c>), or for a Google Docs editors file
    /// its export in a format we index (<c>files.export</c>); null for a kind that cannot be exported (a Form, a Site).
    /// </summary>
    Task<DriveContent?> OpenContentAsync(string accessToken, DriveFile file, CancellationToken cancellationToken);

    /// <summary>Where the changes feed starts now (<c>changes.getStartPageToken</c>).</summary>
    Task<string> GetStartPageTokenAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>The changes since <paramref name="pageToken"/>, removals included (<c>changes.list</c>).</summary>
    Task<DriveChangePage> ListChangesAsync(string accessToken, string pageToken, CancellationToken cancellationToken);
}

/// <summary>What each Google Docs editors type is exported as: formats the asset pipeline inspects and indexes.</summary>
public static class DriveExports
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Dictionary<string, (string MimeType, string Extension)> Formats = new(StringComparer.Ordinal)
    {
        ["application/vnd.google-apps.document"] = (Docx, ".docx"),
        ["application/vnd.google-apps.spreadsheet"] = ("text/csv", ".csv"),
        ["application/vnd.google-apps.presentation"] = ("application/pdf", ".pdf"),
        ["application/vnd.google-apps.drawing"] = ("image/png", ".png"),
    };

    /// <summary>The export for a Google type; null for one we do not import (folders, Forms, Sites, shortcuts).</summary>
    public static (string MimeType, string Extension)? For(string googleMimeType) =>
        Formats.TryGetValue(googleMimeType, out var format) ? format : null;

    /// <summary>The file's name as imported: the export's extension added unless the name already ends with it.</summary>
    public static string ImportedName(DriveFile file)
    {
        if (!file.IsGoogleNative || For(file.MimeType) is not { } format)
        {
            return file.Name;
        }

        return file.Name.EndsWith(format.Extension, StringComparison.OrdinalIgnoreCase) ? file.Name : file.Name + format.Extension;
    }
}
