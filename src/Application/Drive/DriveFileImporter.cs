using System.Globalization;
using System.Security.Cryptography;
using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Drive;

/// <summary>What became of one Drive file: imported (new or a new version), already up to date, or not imported and why.</summary>
public sealed record DriveFileOutcome(bool Imported, string? SkipReason)
{
    public static readonly DriveFileOutcome Done = new(true, null);
    public static readonly DriveFileOutcome Unchanged = new(false, null);

    public static DriveFileOutcome Skipped(string reason) => new(false, reason);
}

/// <summary>
/// Brings one Drive file in through the upload pipeline: its bytes (or a Doc's export) are streamed to a temporary file
/// while hashed (never held whole in memory, whatever the size), identified by the same content inspector against the
/// same allow-list and per-type limits as an upload, stored, recorded with where they came from, and queued for the
/// same processing (metadata, thumbnails, text, embeddings). A file imported before becomes a new version of its asset.
/// </summary>
public sealed class DriveFileImporter(
    ITenantDb db, ITenantContext tenant, IGoogleDrive drive, IFileStorage storage, IContentInspector inspector,
    IAssetProcessingQueue queue, IOptions<AssetLimitOptions> limits, TimeProvider clock)
{
    /// <summary>The revision a file is at: Drive's checksum of its bytes, or for a Google Doc its modified time.</summary>
    public static string Revision(DriveFile file) => file.Md5 ?? file.ModifiedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public async Task<DriveFileOutcome> ImportAsync(
        string accessToken, DriveSource source, DriveFile file, BrandAsset? existing, CancellationToken cancellationToken)
    {
        var name = FileNames.Sanitize(DriveExports.ImportedName(file));
        if (file.IsGoogleNative && DriveExports.For(file.MimeType) is null)
        {
            return DriveFileOutcome.Skipped($"‘{name}’ is a kind of Google file that cannot be exported as a document, sheet or image.");
        }

        var revision = Revision(file);
        if (existing?.Origin is { } origin && origin.Revision == revision)
        {
            existing!.RecordOrigin(origin with { SourceId = source.Id, Name = file.Name, SyncedAt = clock.GetUtcNow() }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return DriveFileOutcome.Unchanged;
        }

        var max = limits.Value.MaxAnyFileBytes;
        if (file.Size is { } announced && announced > max)
        {
            return DriveFileOutcome.Skipped($"‘{name}’ is {Megabytes(announced)}, more than the largest file accepted ({Megabytes(max)}).");
        }

        var staged = await StageAsync(accessToken, file, max, cancellationToken);
        if (staged.Skip is not null)
        {
            return DriveFileOutcome.Skipped(staged.Skip);
        }

        try
        {
            return await StoreAsync(source, file, existing, staged.File!, revision, cancellationToken);
        }
        finally
        {
            File.Delete(staged.File!.Path);
        }
    }

    private async Task<DriveFileOutcome> StoreAsync(
        DriveSource source, DriveFile file, BrandAsset? existing, StagedFile staged, string revision, CancellationToken cancellationToken)
    {
        ContentInspection content;
        await using (var stream = File.OpenRead(staged.Path))
        {
            content = await inspector.InspectAsync(stream, staged.FileName, cancellationToken);
        }

        var name = FileNames.Sanitize(staged.FileName);
        if (!content.Accepted)
        {
            return DriveFileOutcome.Skipped($"‘{name}’ was refused: {content.RefusalReason}");
        }

        var limit = limits.Value.MaxBytesFor(content.Kind);
        if (staged.Size > limit)
        {
            return DriveFileOutcome.Skipped($"‘{name}’ is {Megabytes(staged.Size)}; {content.Kind.ToString().ToLowerInvariant()} files may be up to {Megabytes(limit)}.");
        }

        var now = clock.GetUtcNow();
        var twin = await db.Assets.AsNoTracking().Where(a => a.Sha256 == staged.Sha256).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (twin is not null && twin.Id != existing?.Id)
        {
            return DriveFileOutcome.Skipped($"‘{name}’ is already in your files as ‘{twin.Name}’.");
        }

        var origin = AssetOrigin.FromDrive(source.Id, file.Id, file.Name, revision, now);
        if (twin is not null)
        {
            // Same bytes under a new revision (Drive touched the file, or only renamed it): nothing to process again.
            existing!.RecordOrigin(origin, now);
            await db.SaveChangesAsync(cancellationToken);
            return DriveFileOutcome.Unchanged;
        }

        var id = existing?.Id ?? Guid.CreateVersion7(now);
        var version = (existing?.Version ?? 0) + 1;
        var key = version == 1
            ? $"tenant-{tenant.TenantId:N}/assets/{id:N}/original{content.Extension}"
            : $"tenant-{tenant.TenantId:N}/assets/{id:N}/original-v{version}{content.Extension}";
        await using (var stream = File.OpenRead(staged.Path))
        {
            await storage.SaveAsync(key, stream, content.MediaType, cancellationToken);
        }

        List<string> previousKeys = existing is null
            ? []
            : new[] { existing.StorageKey, existing.ThumbnailSmallKey, existing.ThumbnailLargeKey }.OfType<string>().ToList();
        try
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var type = UploadAssetsHandler.ToAssetType(content.Kind);
            if (existing is null)
            {
                var asset = BrandAsset.Register(id, source.CompanyId, FileNames.WithExtension(name, content.Extension), name, type,
                    content.MediaType, staged.Size, staged.Sha256, key, source.CreatedBy, now);
                asset.RecordOrigin(origin, now);
                db.Assets.Add(asset);
            }
            else
            {
                existing.ReplaceContent(type, content.MediaType, staged.Size, staged.Sha256, key, now);
                existing.RecordOrigin(origin, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await queue.EnqueueAsync([id], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The caller forgets the pending changes (a failed save leaves them tracked) before going on.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        foreach (var old in previousKeys.Where(k => k != key))
        {
            await storage.DeleteAsync(old, CancellationToken.None);
        }

        return DriveFileOutcome.Done;
    }

    /// <summary>Copies the file as Drive sends it to a temporary file, hashing as it goes; stops past <paramref name="maxBytes"/>.</summary>
    private async Task<(StagedFile? File, string? Skip)> StageAsync(string accessToken, DriveFile file, long maxBytes, CancellationToken cancellationToken)
    {
        await using var content = await drive.OpenContentAsync(accessToken, file, cancellationToken);
        if (content is null)
        {
            return (null, $"‘{FileNames.Sanitize(file.Name)}’ is no longer in Google Drive, or cannot be downloaded.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"brandauto-drive-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.Content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        File.Delete(path);
                        return (null, $"‘{FileNames.Sanitize(content.FileName)}’ is larger than the largest file accepted ({Megabytes(maxBytes)}).");
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                File.Delete(path);
                return (null, $"‘{FileNames.Sanitize(content.FileName)}’ is empty.");
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return (new StagedFile(path, content.FileName, size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant()), null);
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}
