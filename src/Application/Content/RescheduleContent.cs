using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>Moves a scheduled post to a new time: its trigger moves with it, so it goes out at the new time only.</summary>
public sealed record RescheduleContent(Guid Id, string At) : ICommand<ContentItemDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class RescheduleContentHandler(
    ITenantDb db, IAutomationEntitlement entitlement, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<RescheduleContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(RescheduleContent command, CancellationToken cancellationToken)
    {
        var item = await ContentRules.LoadAsync(db, command.Id, cancellationToken);
        await entitlement.EnsureAutomationAsync(cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var at = TenantTime.Parse(command.At ?? "", zone, "at");
        var assetTypes = await ContentRules.AssetTypesAsync(db, item.Variants, cancellationToken);
        item.Schedule(at, await ContentRules.ApprovalRequiredAsync(db, cancellationToken), assetTypes, clock.GetUtcNow());
        await SaveAsync(db, cancellationToken);
        await scheduler.ScheduleAsync(item.Id, item.DueAt!.Value, cancellationToken);
        return await ContentRules.ToDtoAsync(db, item, zone, cancellationToken);
    }

    internal static async Task SaveAsync(ITenantDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The publishing job claimed the post between our read and our write; its state wins.
            throw new ConflictException("The post changed while this request ran (it may have started publishing); reload it and try again.");
        }
    }
}
