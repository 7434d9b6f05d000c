using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// "Sync now" on an imported folder kept in sync: a run is queued at once instead of at the next scheduled sync. Asking
/// twice (or on two servers) is harmless: the runs claim the folder in turn, and the second finds nothing new.
/// </summary>
public sealed record SyncDriveSourceNow(Guid Id) : ICommand<DriveSourceDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class SyncDriveSourceNowHandler(ITenantDb db, IDriveJobs jobs) : ICommandHandler<SyncDriveSourceNow, DriveSourceDto>
{
    public async ValueTask<DriveSourceDto> Handle(SyncDriveSourceNow command, CancellationToken cancellationToken)
    {
        var source = await db.DriveSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Google Drive import", command.Id);
        if (!source.FollowsChanges)
        {
            throw new ConflictException("Only an imported folder kept in sync can be synced; turn sync on first, or wait for its import to finish.");
        }

        await jobs.RunSoonAsync(source.Id, cancellationToken);
        return source.ToDto();
    }
}
