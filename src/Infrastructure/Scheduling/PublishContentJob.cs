using BrandAutomator.Application.Automation;
using Mediator;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// A post's Quartz job from before posts were published from <see cref="DuePostsTable"/>: one written then still fires
/// once, on whichever node acquires it. Its scope's tenant was set from the job data before it was built (see
/// <see cref="SchedulingSetup"/>); the work itself is the idempotent <see cref="PublishDueContent"/>, so a post that
/// also has a due row (the sweep gives one to an overdue post) is still published once. Drive imports share its keys.
/// </summary>
public sealed class PublishContentJob(ISender sender) : IJob
{
    public const string Group = "publish";
    public const string TenantKey = "tenantId";
    public const string ItemKey = "itemId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var itemId = Guid.Parse(context.MergedJobDataMap[ItemKey]?.ToString() ?? throw new InvalidOperationException("The job has no item id."));
        await sender.Send(new PublishDueContent(itemId), cancellationToken);
    }

    public static JobKey KeyFor(Guid tenantId, Guid itemId) => new($"{tenantId:N}.{itemId:N}", Group);
}
