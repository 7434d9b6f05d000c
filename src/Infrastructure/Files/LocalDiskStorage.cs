using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Files;

/// <summary>
/// Objects as files under <c>Storage:LocalDirectory</c>, one file per key (<c>tenant-{id}/assets/{assetId}/original.png</c>
/// is that path below the root). Links are signed by <see cref="LocalSignedUrls"/> and served by the API.
/// </summary>
public sealed class LocalDiskStorage : IFileStorage
{
    private const int BufferSize = 81_920;

    // A delete may remove a folder between our CreateDirectory and the file's creation; that many tries is plenty.
    private const int FolderRaceAttempts = 5;

    private readonly LocalSignedUrls _links;
    private readonly int _linkLifetimeMinutes;

    public LocalDiskStorage(IOptions<StorageOptions> options, IOptions<EmbeddedPostgresOptions> data, LocalSignedUrls links)
        : this(Path.Combine(Path.GetFullPath(data.Value.DataDirectory), options.Value.LocalDirectory), links, options.Value.SignedUrlLifetimeMinutes)
    {
    }

    public LocalDiskStorage(string root, LocalSignedUrls links, int linkLifetimeMinutes = 15)
    {
        _linkLifetimeMinutes = linkLifetimeMinutes;
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _links = links;
    }

    /// <summary>The folder every object lives under.</summary>
    public string Root { get; }

    /// <remarks><paramref name="contentType"/> is not kept: the files endpoint serves a type decided by the key's extension.</remarks>
    public async Task<StoredObject> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        // Same folder as the target, so the final move is a rename on one file system: readers see the old object or
        // the whole new one, never a half-written file. The leading '.' keeps it out of the key space.
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            long size;
            await using (var file = await CreateWithFolderAsync(temp, cancellationToken))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
                // On disk before the rename: after a crash the key holds the old bytes or the new ones, never an empty file.
                file.Flush(flushToDisk: true);
                size = file.Length;
            }

            // No race with a delete here: a folder holding the temporary file is not empty, so it is never removed.
            File.Move(temp, path, overwrite: true);
            return new StoredObject(key, size);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: a delete while someone is still reading must not fail.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (DirectoryNotFoundException e)
        {
            // One exception type for "no such object", whatever part of the path is missing.
            throw new FileNotFoundException($"No object '{key}'.", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public TimeSpan DefaultLinkLifetime => TimeSpan.FromMinutes(_linkLifetimeMinutes);

    public Uri CreateSignedUrl(string key, TimeSpan lifetime, LinkAudience audience, string? downloadFileName = null) =>
        audience == LinkAudience.Browser
            ? _links.CreateRelative(StorageKey.Require(key), lifetime, downloadFileName)
            : _links.Create(StorageKey.Require(key), lifetime, downloadFileName);

    /// <summary>The file of <paramref name="key"/>; throws for a key that is not valid or would leave <see cref="Root"/>.</summary>
    public string PathOf(string key)
    {
        StorageKey.Require(key);
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // The key rules already forbid "..", absolute paths and backslashes; this is the second lock on the same door.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The key leaves the storage folder.", nameof(key));
        }

        return path;
    }

    private static async Task<FileStream> CreateWithFolderAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
                    FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (DirectoryNotFoundException) when (attempt < FolderRaceAttempts)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is the one worth reporting; a stray temporary file is hidden and harmless.
        }
    }

    /// <summary>Removes <paramref name="folder"/> and its parents while they are empty, stopping at <see cref="Root"/>.</summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > Root.Length && folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            try
            {
                // Not recursive: fails, and so stops, as soon as a folder holds anything, even a file saved a moment ago.
                Directory.Delete(folder, recursive: false);
            }
            catch (IOException)
            {
                return;
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
