using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Content;

/// <summary>Cancels a post: its trigger is removed, and a trigger that fires anyway finds nothing to claim.</summary>
public sealed record CancelContent(Guid Id) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class CancelContentHandler(ITenantDb db, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<CancelContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(CancelContent command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        item.Cancel(clock.GetUtcNow());
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        await scheduler.UnscheduleAsync(item.Id, cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}
