using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Domain.Drive;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// Imports a Drive folder (sub-folders included), optionally kept in sync afterwards, or chosen files, as brand
/// assets. The work runs in the background (the import job); the answer is the queued import, which the import page
/// follows. For a folder the changes feed's position is taken first, so a file changed during the import is picked
/// up by the first sync.
/// </summary>
public sealed record ImportFromDrive(string? FolderId, IReadOnlyList<string>? FileIds, bool Sync, Guid? CompanyId)
    : ICommand<DriveSourceDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class ImportFromDriveHandler(
    ITenantDb db, ICurrentUser user, DriveAccess access, IGoogleDrive drive, IDriveJobs jobs, TimeProvider clock)
    : ICommandHandler<ImportFromDrive, DriveSourceDto>
{
    public async ValueTask<DriveSourceDto> Handle(ImportFromDrive command, CancellationToken cancellationToken)
    {
        // The brand first: another workspace's brand is a 404 whatever else the request says.
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        Validate(command);
        var connection = await access.ConnectionAsync(cancellationToken);
        var token = await access.AccessTokenAsync(connection, cancellationToken);
        var now = clock.GetUtcNow();
        DriveSource source;
        try
        {
            if (!string.IsNullOrEmpty(command.FolderId))
            {
                var folder = await drive.GetFileAsync(token, command.FolderId, cancellationToken);
                if (folder is not { IsFolder: true, Trashed: false })
                {
                    throw InputValidationException.For("folderId", "This folder is not in the connected Google Drive (or is not a folder).");
                }

                var start = await drive.GetStartPageTokenAsync(token, cancellationToken);
                source = DriveSource.ForFolder(folder.Id, folder.Name, command.Sync, command.CompanyId, start, user.UserId, now);
            }
            else
            {
                source = DriveSource.ForFiles(command.FileIds!, command.CompanyId, user.UserId, now);
            }
        }
        catch (DriveAuthorizationException ex)
        {
            throw new ConflictException(ex.Message);
        }

        db.DriveSources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        // Should scheduling fail, the sync job's sweep starts a queued import that waited too long.
        await jobs.RunSoonAsync(source.Id, cancellationToken);
        return source.ToDto();
    }

    private static void Validate(ImportFromDrive command)
    {
        var files = command.FileIds ?? [];
        if (string.IsNullOrEmpty(command.FolderId) == (files.Count == 0))
        {
            throw files.Count == 0
                ? InputValidationException.For("folderId", "Choose a folder or at least one file to import.")
                : InputValidationException.For("folderId", "Import a folder or chosen files, not both at once.");
        }

        if (!string.IsNullOrEmpty(command.FolderId) && !IsDriveId(command.FolderId))
        {
            throw InputValidationException.For("folderId", "This is not a Google Drive folder id.");
        }

        if (files.Count > DriveSource.MaxFiles)
        {
            throw InputValidationException.For("fileIds", $"Import at most {DriveSource.MaxFiles} files at a time; a folder has no such limit.");
        }

        if (files.Any(f => !IsDriveId(f)))
        {
            throw InputValidationException.For("fileIds", "This is not a Google Drive file id.");
        }

        if (command.Sync && files.Count > 0)
        {
            throw InputValidationException.For("sync", "Only a folder can be kept in sync; chosen files are imported once.");
        }
    }

    private static bool IsDriveId(string id) => id.Length is > 0 and <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
