using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record DeleteSocialConnection(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteSocialConnectionHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<DeleteSocialConnection>
{
    public async ValueTask<Unit> Handle(DeleteSocialConnection command, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Connection", command.Id);
        // The profile stays the brand's; without its connection nothing proves it any more.
        foreach (var profile in await db.SocialProfiles.Where(p => p.ConnectionId == connection.Id).ToListAsync(cancellationToken))
        {
            profile.Unlink(clock.GetUtcNow());
        }

        db.SocialConnections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
