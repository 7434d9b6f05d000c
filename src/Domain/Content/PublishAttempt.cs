using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

public enum PublishOutcome
{
    /// <summary>Recorded before the request goes out; still this after a crash means the request may have gone out.</summary>
    Sending,
    Published,
    /// <summary>Transient: rate limit, outage, connection refused. Retried with backoff.</summary>
    RetryLater,
    /// <summary>The network refused the credentials.</summary>
    Unauthorized,
    /// <summary>The network refused the post for good (4xx), with its reason.</summary>
    Rejected,
    /// <summary>The request went out and no answer came back.</summary>
    Unconfirmed,
}

/// <summary>One request to one network for one post: the record that keeps publishing exactly-once and explainable.</summary>
public sealed class PublishAttempt
{
    private PublishAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid ContentItemId { get; private set; }

    /// <summary>The publishing run (automation task) this attempt belongs to.</summary>
    public Guid RunId { get; private set; }

    public SocialPlatform Platform { get; private set; }

    /// <summary>The post itself, a later part of its thread, or its first comment.</summary>
    public PublishPartKind PartKind { get; private set; }

    /// <summary>For a thread: the part's place, 1 for the post (the first part), 2 for the first reply, and so on; 1 otherwise.</summary>
    public int Part { get; private set; } = 1;

    public Guid? ConnectionId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public PublishOutcome Outcome { get; private set; }

    public string? PlatformPostId { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Recorded and committed before the request is sent.</summary>
    public static PublishAttempt Start(
        Guid contentItemId, Guid runId, SocialPlatform platform, Guid? connectionId, DateTimeOffset now, PublishPartKind kind = PublishPartKind.Post,
        int part = 1) =>
        new()
        {
            PartKind = kind,
            Part = part,
            Id = Guid.CreateVersion7(now),
            ContentItemId = contentItemId,
            RunId = runId,
            Platform = platform,
            ConnectionId = connectionId,
            StartedAt = now,
            Outcome = PublishOutcome.Sending,
        };

    public void Finish(PublishOutcome outcome, string? platformPostId, string? error, DateTimeOffset now)
    {
        if (Outcome != PublishOutcome.Sending)
        {
            throw new InvalidOperationException("This attempt already has its outcome.");
        }

        Outcome = outcome;
        PlatformPostId = platformPostId;
        Error = error is { Length: > 1000 } ? error[..1000] : error;
        FinishedAt = now;
    }
}
