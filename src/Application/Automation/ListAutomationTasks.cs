using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Automation;

public sealed record PublishAttemptDto(
    Guid Id, SocialPlatform Platform, PublishOutcome Outcome, string? PlatformPostId, string? Error, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);

public sealed record AutomationTaskDto(
    Guid Id, string Kind, Guid? ContentItemId, Guid? SubjectId, string Title, AutomationTaskState State, string? Result, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, IReadOnlyList<PublishAttemptDto> Attempts, IReadOnlyList<string> RemainingSteps);

public sealed record AutomationTaskPage(IReadOnlyList<AutomationTaskDto> Items, int Page, int PageSize, int Total);

/// <summary>The automation activity feed: every run, newest first, with its state, result and requests.</summary>
public sealed record ListAutomationTasks(Guid? ContentItemId, string? State, int Page = 1, int PageSize = 50)
    : IQuery<AutomationTaskPage>;

public sealed class ListAutomationTasksValidator : AbstractValidator<ListAutomationTasks>
{
    public ListAutomationTasksValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
        RuleFor(x => x.State).Must(s => s is null || Enum.TryParse<AutomationTaskState>(s, ignoreCase: true, out _))
            .WithMessage($"One of: {string.Join(", ", Enum.GetNames<AutomationTaskState>())}.");
    }
}

public sealed class ListAutomationTasksHandler(ITenantDb db) : IQueryHandler<ListAutomationTasks, AutomationTaskPage>
{
    public async ValueTask<AutomationTaskPage> Handle(ListAutomationTasks query, CancellationToken cancellationToken)
    {
        var tasks = db.AutomationTasks.AsNoTracking();
        if (query.ContentItemId is { } itemId)
        {
            tasks = tasks.Where(t => t.ContentItemId == itemId);
        }

        if (query.State is { } stateName)
        {
            var state = Enum.Parse<AutomationTaskState>(stateName, ignoreCase: true);
            tasks = tasks.Where(t => t.State == state);
        }

        var total = await tasks.CountAsync(cancellationToken);
        var page = await tasks.OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var runIds = page.Select(t => t.Id).ToList();
        var attempts = await db.PublishAttempts.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.StartedAt)
            .ToListAsync(cancellationToken);
        return new AutomationTaskPage(
            page.Select(t => new AutomationTaskDto(t.Id, t.Kind, t.ContentItemId, t.SubjectId, t.Title, t.State, t.Result, t.StartedAt, t.FinishedAt,
                attempts.Where(a => a.RunId == t.Id)
                    .Select(a => new PublishAttemptDto(a.Id, a.Platform, a.Outcome, a.PlatformPostId, a.Error, a.StartedAt, a.FinishedAt))
                    .ToList(), t.RemainingSteps)).ToList(),
            query.Page, query.PageSize, total);
    }
}
