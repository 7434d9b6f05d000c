using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>Stops watching a feed; the posts it made stay.</summary>
public sealed record DeleteFeed(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteFeedHandler(ITenantDb db) : ICommandHandler<DeleteFeed>
{
    public async ValueTask<Unit> Handle(DeleteFeed command, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Feed", command.Id);
        db.Feeds.Remove(feed);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
