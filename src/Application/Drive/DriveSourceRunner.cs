using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Drive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Drive;

/// <summary>What one run did: whether it got the source at all (another node may hold it), and the files it touched.</summary>
public sealed record DriveRunResult(bool Claimed, int Imported, int Archived, int Skipped)
{
    public static readonly DriveRunResult NotClaimed = new(false, 0, 0, 0);
}

/// <summary>
/// One run on one Drive source, for the import job and the sync job alike. The run first claims the source (a lease
/// written with a single conditional UPDATE: of two nodes, one gets the row and the other does nothing), then does the
/// first import of a new source, or applies the changes feed to an imported folder kept in sync (<see cref="DriveChangeSync"/>),
/// and releases it. A lease left by a crashed node runs out, and the next run takes over where the saved token says.
/// </summary>
public sealed partial class DriveSourceRunner(
    ITenantDb db, DriveAccess access, IGoogleDrive drive, DriveFileImporter importer, DriveChangeSync changes, TimeProvider clock,
    ILogger<DriveSourceRunner> logger)
{
    /// <summary>How long a claim holds without news; every file done renews it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>The most files one folder import walks (sub-folders included).</summary>
    public const int MaxFilesPerImport = 1000;

    public async Task<DriveRunResult> RunAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var claimed = await db.DriveSources
            .Where(s => s.Id == sourceId && (s.ClaimedUntil == null || s.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimId, (Guid?)claim).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)(now + Lease)), cancellationToken);
        if (claimed == 0)
        {
            return DriveRunResult.NotClaimed;
        }

        var source = await db.DriveSources.SingleAsync(s => s.Id == sourceId, cancellationToken);
        var renew = () => RenewAsync(sourceId, claim, CancellationToken.None);
        try
        {
            if (source.State is DriveImportState.Queued or DriveImportState.Importing)
            {
                return await ImportAsync(source, renew, cancellationToken);
            }

            return source.FollowsChanges ? await changes.SyncAsync(source, renew, cancellationToken) : new DriveRunResult(true, 0, 0, 0);
        }
        finally
        {
            // Released whatever happened; a failure has been written on the source for the user.
            db.DiscardChanges();
            await db.DriveSources.Where(s => s.Id == sourceId && s.ClaimId == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimId, (Guid?)null).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null),
                    CancellationToken.None);
        }
    }

    private async Task<DriveRunResult> ImportAsync(DriveSource source, Func<Task> renew, CancellationToken cancellationToken)
    {
        source.StartImport(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var connection = await access.ConnectionAsync(cancellationToken);
        int imported = 0, skipped = 0;
        try
        {
            var token = await access.AccessTokenAsync(connection, cancellationToken);
            await foreach (var file in FilesAsync(token, source, cancellationToken))
            {
                var existing = await db.Assets.FirstOrDefaultAsync(a => a.Origin != null && a.Origin.FileId == file.Id, cancellationToken);
                var outcome = await ImportOneAsync(token, source, file, existing, cancellationToken);
                if (outcome.SkipReason is { } reason)
                {
                    source.Skip(reason);
                    skipped++;
                }
                else
                {
                    source.CountImported();
                    imported += outcome.Imported ? 1 : 0;
                }

                await db.SaveChangesAsync(cancellationToken);
                await renew();
            }

            source.FinishImport(clock.GetUtcNow());
        }
        catch (ConflictException ex)
        {
            source.Fail(ex.Message, clock.GetUtcNow());
        }
        catch (DriveAuthorizationException ex)
        {
            // A folder the account cannot open, or an access withdrawn since the last renewal (the next renewal tells the
            // connection's health): either way the import stops with Drive's reason.
            source.Fail(ex.Message, clock.GetUtcNow());
        }
        catch (ExternalServiceException ex)
        {
            // Drive or Google busy or unreachable: the import stays under way and the sync job's sweep runs it again.
            source.SyncFailed($"{ex.Message} The import is tried again in a few minutes.", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DriveRunResult(true, imported, 0, skipped);
    }

    /// <summary>
    /// One file through the importer; a failure of that file alone (Drive lost it, storage hiccup) becomes a note and
    /// the others go on. Token refusals and cancellation stop the run.
    /// </summary>
    public async Task<DriveFileOutcome> ImportOneAsync(string token, DriveSource source, DriveFile file, BrandAsset? existing, CancellationToken cancellationToken)
    {
        try
        {
            return await importer.ImportAsync(token, source, file, existing, cancellationToken);
        }
        catch (Exception ex) when (ex is not (DriveAuthorizationException or OperationCanceledException))
        {
            LogFileFailed(logger, ex, file.Id);
            // A failed save leaves its changes tracked: forget them, and go on with the source as last saved.
            db.DiscardChanges();
            db.DriveSources.Attach(source);
            return DriveFileOutcome.Skipped($"‘{file.Name}’ could not be imported this time ({(ex is ExternalServiceException ? ex.Message : "an unexpected error")}); the next sync tries again.");
        }
    }

    /// <summary>The source's files: a folder's, sub-folders included (breadth first), or the chosen ones.</summary>
    private async IAsyncEnumerable<DriveFile> FilesAsync(
        string token, DriveSource source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (source.Kind == DriveSourceKind.Files)
        {
            foreach (var id in source.FileIds)
            {
                if (await drive.GetFileAsync(token, id, cancellationToken) is { IsFolder: false, Trashed: false } file)
                {
                    yield return file;
                }
                else
                {
                    source.Skip("A chosen file is no longer in Google Drive, or is a folder.");
                }
            }

            yield break;
        }

        var folders = new Queue<string>([source.FolderId!]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { source.FolderId! };
        var count = 0;
        while (folders.TryDequeue(out var folder))
        {
            string? page = null;
            do
            {
                var listing = await drive.ListFolderAsync(token, folder, page, cancellationToken);
                foreach (var file in listing.Files)
                {
                    if (file.IsFolder)
                    {
                        if (seen.Add(file.Id))
                        {
                            folders.Enqueue(file.Id);
                        }
                    }
                    else if (++count > MaxFilesPerImport)
                    {
                        source.Skip($"The folder holds more than {MaxFilesPerImport} files; the first {MaxFilesPerImport} were imported.");
                        yield break;
                    }
                    else
                    {
                        yield return file;
                    }
                }

                page = listing.NextPageToken;
            }
            while (page is not null);
        }
    }

    private Task RenewAsync(Guid sourceId, Guid claim, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + Lease;
        return db.DriveSources.Where(s => s.Id == sourceId && s.ClaimId == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)until), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Importing Drive file {FileId} failed; it is noted and the run goes on")]
    private static partial void LogFileFailed(ILogger logger, Exception exception, string fileId);
}
