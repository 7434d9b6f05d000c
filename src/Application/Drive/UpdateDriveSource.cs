using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>Turns sync of an imported folder on or off; off keeps its assets as they are.</summary>
public sealed record UpdateDriveSource(Guid Id, bool Sync) : ICommand<DriveSourceDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateDriveSourceHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<UpdateDriveSource, DriveSourceDto>
{
    public async ValueTask<DriveSourceDto> Handle(UpdateDriveSource command, CancellationToken cancellationToken)
    {
        var source = await db.DriveSources.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Google Drive import", command.Id);
        source.ChangeSync(command.Sync, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return source.ToDto();
    }
}
