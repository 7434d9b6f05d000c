using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Queue;

/// <summary>
/// Puts queued posts in a new order: the times they hold stay, the posts move between them, so the first post named
/// takes the earliest of those times. Every moved post's trigger moves with it.
/// </summary>
public sealed record ReorderQueue(Guid? CompanyId, SocialPlatform Platform, IReadOnlyList<Guid> PostIds)
    : ICommand<QueueDto>, IRequireRole, IRequireEntitlement, ITransactionalCommand
{
    public const int MaxPosts = 200;

    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class ReorderQueueValidator : AbstractValidator<ReorderQueue>
{
    public ReorderQueueValidator()
    {
        RuleFor(x => x.Platform).IsInEnum().WithMessage("Choose a network.");
        RuleFor(x => x.PostIds).NotEmpty().WithMessage("Name the queued posts in their new order.")
            .Must(ids => ids is null || ids.Count <= ReorderQueue.MaxPosts).WithMessage($"At most {ReorderQueue.MaxPosts} posts at a time.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each post once.");
    }
}

public sealed class ReorderQueueHandler(
    ITenantDb db, CommandTransaction transaction, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<ReorderQueue, QueueDto>
{
    public async ValueTask<QueueDto> Handle(ReorderQueue command, CancellationToken cancellationToken)
    {
        await QueueReader.EnsureBrandAsync(db, command.CompanyId, cancellationToken);
        var now = clock.GetUtcNow();

        await db.LockAsync(TenantLock.Queue, cancellationToken);
        var queued = (await QueueReader.QueuedAsync(db, command.CompanyId, [command.Platform], now, tracked: true, cancellationToken))
            .ToDictionary(p => p.Id);
        var posts = new List<ContentItem>();
        for (var i = 0; i < command.PostIds.Count; i++)
        {
            if (!queued.TryGetValue(command.PostIds[i], out var post))
            {
                throw InputValidationException.For($"postIds[{i}]", "This post is not in the queue: only scheduled posts of this brand on this network can be moved.");
            }

            if (post.State != ContentState.Scheduled)
            {
                throw new DomainRuleException($"“{post.Title}” is being published right now and can no longer be moved.", $"postIds[{i}]");
            }

            posts.Add(post);
        }

        var times = posts.Select(p => p.ScheduledAt!.Value).Order().ToList();
        var approvalRequired = await ContentReader.ApprovalRequiredAsync(db, cancellationToken);
        var moved = new List<(Guid, DateTimeOffset)>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (posts[i].ScheduledAt == times[i])
            {
                continue;
            }

            var assetTypes = await ContentReader.AssetTypesAsync(db, posts[i].Variants, cancellationToken);
            posts[i].Schedule(times[i], approvalRequired, assetTypes, now);
            moved.Add((posts[i].Id, times[i]));
        }

        await ContentChanges.SaveOrConflictAsync(db, cancellationToken);
        if (moved.Count > 0)
        {
            transaction.AfterCommit(ct => scheduler.ScheduleAsync(moved, ct));
        }

        return await QueueReader.QueueAsync(db, await time.ZoneAsync(cancellationToken), command.CompanyId, command.Platform,
            Math.Max(20, posts.Count), now, cancellationToken);
    }
}
