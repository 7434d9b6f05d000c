namespace BrandAutomator.Domain.Content;

public enum AutomationTaskState
{
    Running,
    Succeeded,
    Retrying,
    Failed,
    Unconfirmed,

    /// <summary>Manual steps remain that only the user can do (create an account, upload an image).</summary>
    WaitingForUser,
}

/// <summary>
/// One piece of automation for the activity feed: a publishing run (what ran, when, how it ended), or the set-up of
/// a social profile from its kit, with the manual steps that remain.
/// </summary>
public sealed class AutomationTask
{
    public const string PublishKind = "publish";
    public const string ProfileSetupKind = "profile-setup";

    private List<string> _remainingSteps = [];

    private AutomationTask()
    {
    }

    /// <summary>The run id: the same id the item holds while the run has it, and its attempts carry.</summary>
    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The post a publishing run is for; null for other kinds.</summary>
    public Guid? ContentItemId { get; private set; }

    /// <summary>What a non-publishing task is about (the profile kit of a profile set-up).</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The manual steps still to do, in order; empty when none remain.</summary>
    public IReadOnlyList<string> RemainingSteps => _remainingSteps;

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

    /// <summary>The set-up task of a profile kit, waiting for the user while steps remain.</summary>
    public static AutomationTask StartProfileSetup(Guid kitId, string title, IReadOnlyList<string> steps, DateTimeOffset now)
    {
        var task = new AutomationTask
        {
            Id = Guid.CreateVersion7(now),
            Kind = ProfileSetupKind,
            SubjectId = kitId,
            Title = title.Length > 200 ? title[..200] : title,
            StartedAt = now,
        };
        task.UpdateSteps(steps, now);
        return task;
    }

    /// <summary>Replaces the remaining steps; none left finishes the task.</summary>
    public void UpdateSteps(IReadOnlyList<string> steps, DateTimeOffset now)
    {
        _remainingSteps = steps.ToList();
        State = steps.Count == 0 ? AutomationTaskState.Succeeded : AutomationTaskState.WaitingForUser;
        Result = steps.Count == 0 ? "Every step is done." : $"{steps.Count} manual step(s) remain.";
        FinishedAt = steps.Count == 0 ? now : null;
    }

    public void Finish(AutomationTaskState state, string? result, DateTimeOffset now)
    {
        State = state;
        Result = result is { Length: > 2000 } ? result[..2000] : result;
        FinishedAt = now;
    }
}
