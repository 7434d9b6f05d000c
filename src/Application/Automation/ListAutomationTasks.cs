using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Automation;

/// <summary>One request of a run; <see cref="PartKind"/> and <see cref="Part"/> say which part it sent (the post, a thread part, a first comment).</summary>
public sealed record PublishAttemptDto(
    Guid Id, SocialPlatform Platform, PublishOutcome Outcome, string? PlatformPostId, string? Error, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, PublishPartKind PartKind = PublishPartKind.Post, int Part = 1);

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
    public async ValueTask<AutomationTaskPage> Handle(ListAutomationTasks query, CancellationToken cancellationToken) =>
        await AutomationActivity.ReadPageAsync(
            db, query.ContentItemId, query.State is { } name ? Enum.Parse<AutomationTaskState>(name, ignoreCase: true) : null,
            query.Page, query.PageSize, cancellationToken);
}
