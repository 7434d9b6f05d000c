using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// Leaves one occurrence of a recurring post out: that post is cancelled and its trigger removed; the series and its
/// other posts are untouched, and the occurrence is never made again (it can still be scheduled by hand).
/// </summary>
public sealed record SkipOccurrence(Guid Id) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class SkipOccurrenceHandler(ITenantDb db, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<SkipOccurrence, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(SkipOccurrence command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        item.Skip(now);
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        await scheduler.UnscheduleAsync(item.Id, cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), now, cancellationToken);
    }
}
