using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Drive;

/// <summary>The Google Drive import page's state: available here or not, the connection and its health, the imports.</summary>
public sealed record GetDriveOverview : IQuery<DriveOverviewDto>;

public sealed class GetDriveOverviewHandler(ITenantDb db, IDriveAuthorizationServer server, TimeProvider clock)
    : IQueryHandler<GetDriveOverview, DriveOverviewDto>
{
    public const string UnavailableNote =
        "Google Drive is not set up on this server yet. Whoever runs the server has to register an app with Google and add " +
        "its client id and secret to the server's settings; then Google Drive can be connected here.";

    public async ValueTask<DriveOverviewDto> Handle(GetDriveOverview query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = await db.DriveConnections.AsNoTracking().OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var sources = await db.DriveSources.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(50).ToListAsync(cancellationToken);
        return new DriveOverviewDto(
            server.IsConfigured,
            server.IsConfigured ? null : UnavailableNote,
            connection is null ? null : new DriveConnectionDto(connection.Account, DriveHealth.Label(connection, now), DriveHealth.Message(connection, now), connection.CreatedAt),
            sources.Select(s => s.ToDto()).ToList());
    }
}
