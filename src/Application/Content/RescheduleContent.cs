using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>Moves a scheduled post to a new time: its trigger moves with it, so it goes out at the new time only.</summary>
public sealed record RescheduleContent(Guid Id, string At) : ICommand<ContentItemDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

public sealed class RescheduleContentHandler(
    ITenantDb db, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<RescheduleContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(RescheduleContent command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var at = TenantTime.Parse(command.At ?? "", zone, "at");
        var assetTypes = await ContentReader.AssetTypesAsync(db, item.Variants, cancellationToken);
        item.Schedule(at, await ContentReader.ApprovalRequiredAsync(db, cancellationToken), assetTypes, clock.GetUtcNow());
        ConnectedNetworks.Ensure(item, await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken), clock.GetUtcNow(), "schedule");
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        await scheduler.ScheduleAsync(item.Id, item.DueAt!.Value, cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, zone, clock.GetUtcNow(), cancellationToken);
    }
}
