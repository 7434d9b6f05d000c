namespace BrandAutomator.Domain.Content;

public enum AutomationTaskState
{
    Running,
    Succeeded,
    Retrying,
    Failed,
    Unconfirmed,
}

/// <summary>One run of automation (today: publishing a post), for the activity feed: what ran, when, and how it ended.</summary>
public sealed class AutomationTask
{
    public const string PublishKind = "publish";

    private AutomationTask()
    {
    }

    /// <summary>The run id: the same id the item holds while the run has it, and its attempts carry.</summary>
    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    public Guid ContentItemId { get; private set; }

    public string Title { get; private set; } = "";

    public AutomationTaskState State { get; private set; }

    public string? Result { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public static AutomationTask StartPublishing(Guid runId, ContentItem item, DateTimeOffset now) => new()
    {
        Id = runId,
        Kind = PublishKind,
        ContentItemId = item.Id,
        Title = item.Title,
        State = AutomationTaskState.Running,
        StartedAt = now,
    };

    public void Finish(AutomationTaskState state, string? result, DateTimeOffset now)
    {
        State = state;
        Result = result is { Length: > 2000 } ? result[..2000] : result;
        FinishedAt = now;
    }
}
