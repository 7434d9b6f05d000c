using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// Forgets the Google Drive connection and its tokens. Imported assets stay (with where they came from); folders kept
/// in sync stop following Drive until it is connected again.
/// </summary>
public sealed record DisconnectDrive : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DisconnectDriveHandler(ITenantDb db) : ICommandHandler<DisconnectDrive>
{
    public async ValueTask<Unit> Handle(DisconnectDrive command, CancellationToken cancellationToken)
    {
        await db.DriveConnections.ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
