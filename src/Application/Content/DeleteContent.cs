using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>Deletes a post (and its trigger, so it is never sent); not while it is being published.</summary>
public sealed record DeleteContent(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DeleteContentHandler(ITenantDb db, Automation.IPublishScheduler scheduler) : ICommandHandler<DeleteContent>
{
    public async ValueTask<Unit> Handle(DeleteContent command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        item.EnsureCanDelete();
        db.ContentItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        // After the row is gone: a trigger left behind by a failure here finds nothing to claim.
        await scheduler.UnscheduleAsync(item.Id, cancellationToken);
        return Unit.Value;
    }
}
