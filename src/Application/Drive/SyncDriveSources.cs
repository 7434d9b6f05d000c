using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Drive;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

public sealed record SyncDriveSourcesResult(int Runs, int Imported, int Archived, int Skipped);

/// <summary>
/// Run on a schedule for each tenant: every imported folder kept in sync reads Drive's changes since its saved token,
/// and an import that has waited in the queue longer than <see cref="StaleAfter"/> (its job was lost) is started. Each
/// source is claimed before its run, so a source another node is working on is left alone.
/// </summary>
public sealed record SyncDriveSources : ICommand<SyncDriveSourcesResult>
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
}

public sealed class SyncDriveSourcesHandler(ITenantDb db, DriveSourceRunner runner, TimeProvider clock)
    : ICommandHandler<SyncDriveSources, SyncDriveSourcesResult>
{
    public async ValueTask<SyncDriveSourcesResult> Handle(SyncDriveSources command, CancellationToken cancellationToken)
    {
        if (!await db.DriveConnections.AnyAsync(cancellationToken))
        {
            return new SyncDriveSourcesResult(0, 0, 0, 0);
        }

        var stale = clock.GetUtcNow() - SyncDriveSources.StaleAfter;
        var due = await db.DriveSources.AsNoTracking()
            .Where(s => (s.Sync && s.Kind == DriveSourceKind.Folder && s.State == DriveImportState.Imported) ||
                        ((s.State == DriveImportState.Queued || s.State == DriveImportState.Importing) && s.UpdatedAt < stale))
            .OrderBy(s => s.LastSyncedAt).Select(s => s.Id).Take(100).ToListAsync(cancellationToken);
        int runs = 0, imported = 0, archived = 0, skipped = 0;
        foreach (var id in due)
        {
            var result = await runner.RunAsync(id, cancellationToken);
            runs += result.Claimed ? 1 : 0;
            imported += result.Imported;
            archived += result.Archived;
            skipped += result.Skipped;
        }

        return new SyncDriveSourcesResult(runs, imported, archived, skipped);
    }
}
