using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Sends again the first comments of a published post that did not get out (refused, given up, or unconfirmed once the
/// member has checked the network). The post itself is never sent again; a comment already posted is not sent twice.
/// </summary>
public sealed record RetryFirstComments(Guid Id) : ICommand<ContentItemDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

public sealed class RetryFirstCommentsHandler(
    ITenantDb db, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<RetryFirstComments, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(RetryFirstComments command, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, command.Id, cancellationToken);
        var posted = await db.PublishAttempts.AsNoTracking()
            .Where(a => a.ContentItemId == item.Id && a.PartKind == PublishPartKind.FirstComment && a.Outcome == PublishOutcome.Published)
            .Select(a => a.Platform).ToListAsync(cancellationToken);
        var waiting = item.Variants.Where(v => v.Options?.FirstComment is not null && v.Platform.TakesFirstComment() && !posted.Contains(v.Platform)).ToList();
        if (waiting.Count == 0)
        {
            throw new DomainRuleException("This post has no first comment left to send: every one is posted.");
        }

        var now = clock.GetUtcNow();
        item.RetryFollowUps(now);
        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        await scheduler.ScheduleAsync(item.Id, now, cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), now, cancellationToken);
    }
}
