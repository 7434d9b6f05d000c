using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Queue;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Queue;

/// <summary>
/// "Add to queue": schedules the post at the next posting time of its brand on any of its networks that no other post
/// of the brand on those networks holds, read in the workspace's zone (so across a daylight-saving change too). A post
/// already waiting in one of its slots stays there, so asking twice is harmless.
/// </summary>
public sealed record QueueContent(Guid Id) : ICommand<ContentItemDto>, IRequireRole, IRequireEntitlement, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class QueueContentHandler(
    ITenantDb db, CommandTransaction transaction, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<QueueContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(QueueContent command, CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // One "add to queue" at a time per workspace: two at once would both see the same slot free.
        await db.LockAsync(TenantLock.Queue, cancellationToken);
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        var platforms = item.Variants.Select(v => v.Platform).ToList();
        if (platforms.Count == 0)
        {
            throw new DomainRuleException("Choose at least one network before adding the post to the queue.", "variants");
        }

        var slots = await QueueReader.SlotsAsync(db, item.CompanyId, platforms, cancellationToken);
        if (slots.Count == 0)
        {
            throw new DomainRuleException(
                $"There are no posting times for {string.Join(" or ", platforms.Select(p => p.DisplayName()))} yet: add them under Settings, Queue.");
        }

        // Asked again (a retry after a lost answer, a second click): a post already waiting in one of its slots keeps its place.
        if (item.State == ContentState.Scheduled && item.ScheduledAt is { } current && current > now &&
            PostingQueue.Occurrences(slots, zone, current).FirstOrDefault() == current)
        {
            return await ContentReader.ToDtoAsync(db, item, zone, now, cancellationToken);
        }

        var held = (await QueueReader.QueuedAsync(db, item.CompanyId, platforms, now, tracked: false, cancellationToken))
            .Where(p => p.Id != item.Id)
            .Select(p => p.ScheduledAt!.Value)
            .ToHashSet();
        var at = PostingQueue.NextFree(slots, zone, now, held.Contains)
                 ?? throw new DomainRuleException("The queue is full for the coming year: add posting times or schedule the post at a time of its own.");

        var assetTypes = await ContentReader.AssetTypesAsync(db, item.Variants, cancellationToken);
        item.Schedule(at, await ContentReader.ApprovalRequiredAsync(db, cancellationToken), assetTypes, now);
        ConnectedNetworks.Ensure(item, await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken), now, "schedule");
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        // After the commit: a trigger that fails to be written is made good by the sweep once the post is overdue.
        var due = item.DueAt!.Value;
        transaction.AfterCommit(ct => scheduler.ScheduleAsync(item.Id, due, ct));
        return await ContentReader.ToDtoAsync(db, item, zone, now, cancellationToken);
    }
}
