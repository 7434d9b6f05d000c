using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// Applies Drive's changes feed to an imported folder kept in sync, from the page token saved on it: a new or changed
/// file under the folder is imported (a changed one as a new version of its asset), a file deleted, trashed or moved
/// out of the folder has its asset archived. The token moves on only after a page's changes are applied and saved, so
/// a run that stops half-way reads the same page again, and applying a change twice changes nothing (the revision is
/// compared first).
/// </summary>
public sealed class DriveChangeSync(ITenantDb db, DriveAccess access, IGoogleDrive drive, DriveFileImporter importer, TimeProvider clock)
{
    public async Task<DriveRunResult> SyncAsync(DriveSource source, Func<Task> renew, CancellationToken cancellationToken)
    {
        var connection = await access.ConnectionAsync(cancellationToken);
        int imported = 0, archived = 0, skipped = 0;
        try
        {
            var token = await access.AccessTokenAsync(connection, cancellationToken);
            HashSet<string>? folders = null;
            var pageToken = source.PageToken!;
            while (true)
            {
                var page = await drive.ListChangesAsync(token, pageToken, cancellationToken);
                foreach (var change in page.Changes)
                {
                    var asset = await db.Assets.FirstOrDefaultAsync(
                        a => a.Origin != null && a.Origin.FileId == change.FileId && a.Origin.SourceId == source.Id, cancellationToken);
                    if (change.File is { IsFolder: true } || (asset is null && change.File is null))
                    {
                        continue;
                    }

                    folders ??= await FolderTreeAsync(token, source.FolderId!, cancellationToken);
                    var inFolder = change is { Removed: false, File: { Trashed: false } file } && file.Parents.Any(folders.Contains);
                    if (!inFolder)
                    {
                        if (asset is { Status: AssetStatus.Current })
                        {
                            asset.Archive(null, clock.GetUtcNow());
                            asset.RecordOrigin(asset.Origin! with { SyncedAt = clock.GetUtcNow() }, clock.GetUtcNow());
                            archived++;
                        }

                        continue;
                    }

                    var outcome = await importer.ImportAsync(token, source, change.File!, asset, cancellationToken);
                    if (outcome.SkipReason is { } reason)
                    {
                        source.Skip(reason);
                        skipped++;
                    }
                    else if (outcome.Imported)
                    {
                        imported++;
                        if (asset is null)
                        {
                            source.CountImported();
                        }
                    }

                    await renew();
                }

                // The page's changes are applied: now, and only now, the token moves past them.
                var next = page.NextPageToken ?? page.NewStartPageToken
                    ?? throw new ExternalServiceException("Google Drive", "Google Drive's changes answer named no next page.");
                source.Synced(next, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                if (page.NextPageToken is null)
                {
                    break;
                }

                pageToken = next;
            }
        }
        catch (ConflictException ex)
        {
            source.SyncFailed(ex.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DriveAuthorizationException ex)
        {
            source.SyncFailed(ex.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ExternalServiceException ex)
        {
            source.SyncFailed(ex.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DriveRunResult(true, imported, archived, skipped);
    }

    /// <summary>The folder and every folder under it, as they are now.</summary>
    private async Task<HashSet<string>> FolderTreeAsync(string token, string root, CancellationToken cancellationToken)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var folder) && folders.Count < 500)
        {
            string? page = null;
            do
            {
                var listing = await drive.ListFolderAsync(token, folder, page, cancellationToken);
                foreach (var child in listing.Files.Where(f => f.IsFolder && folders.Add(f.Id)))
                {
                    pending.Enqueue(child.Id);
                }

                page = listing.NextPageToken;
            }
            while (page is not null);
        }

        return folders;
    }
}
