using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>
/// What follows a post on its network: a thread's later parts (part of the post: the post is out when every part is) and a
/// first comment (its own outcome: a comment that fails never makes the post fail, and it can be sent again on its own).
/// </summary>
public sealed partial class ContentItem
{
    /// <summary>
    /// Ends a run whose posts are settled in <paramref name="results"/> and whose first comments are in
    /// <paramref name="comments"/>. A comment that may be retried keeps the run going while runs remain (the post is never
    /// sent again: its attempt is settled); a comment that failed, or ran out of retries, leaves the post's outcome as it is.
    /// </summary>
    public PublishRunConclusion ConcludeRun(
        IReadOnlyList<NetworkResult> results, IReadOnlyList<NetworkResult> comments, int maxRuns, Func<int, TimeSpan> backoff, DateTimeOffset now)
    {
        var runsLeft = FailedRuns + 1 < maxRuns;
        var waiting = comments.Where(c => c.Outcome == PublishOutcome.RetryLater && runsLeft).ToList();
        var end = ConcludeRun([.. results, .. waiting], maxRuns, backoff, now);
        var notes = comments.Where(c => c.Outcome != PublishOutcome.Published && !waiting.Contains(c))
            .Select(c => $"{c.Platform.DisplayName()}: {c.Message}")
            .ToList();
        return notes.Count == 0 ? end : end with { Reason = $"{end.Reason} {string.Join(" ", notes)}" };
    }

    /// <summary>
    /// Sends again what did not get out after a published post (a first comment that failed or whose answer was lost): the
    /// post goes back to Scheduled, due at once, and the run sends only what has no confirmed attempt since now. The post
    /// itself is never sent again (its attempt is published).
    /// </summary>
    public void RetryFollowUps(DateTimeOffset now)
    {
        if (State != ContentState.Published)
        {
            throw new DomainRuleException($"Only a published post's first comment can be sent again; this post is {Describe(State)}.");
        }

        State = ContentState.Scheduled;
        DueAt = now;
        ScheduledOn = now;
        FailedRuns = 0;
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    /// <summary>Refused whenever the post is saved: a first comment or a thread on a network without them, an empty thread part.</summary>
    private static void CheckFollowUpShape(SocialPlatform platform, PostOptions? options, int index)
    {
        if (options?.FirstComment is not null && !platform.TakesFirstComment())
        {
            throw new DomainRuleException(
                $"{platform.DisplayName()} does not take a first comment from here: it can be added on Facebook, Instagram, LinkedIn, X and Threads.",
                $"variants[{index}].options.firstComment");
        }

        if (options?.Thread is not { Count: > 0 } thread)
        {
            return;
        }

        if (!platform.TakesThread())
        {
            throw new DomainRuleException($"{platform.DisplayName()} posts cannot be a thread: threads are for X.", $"variants[{index}].options.thread");
        }

        if (thread.Count + 1 > FollowUpRules.MaxThreadParts)
        {
            throw new DomainRuleException($"A thread has at most {FollowUpRules.MaxThreadParts} parts.", $"variants[{index}].options.thread");
        }

        for (var j = 0; j < thread.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(thread[j]))
            {
                throw new DomainRuleException($"Part {j + 2} of the thread is empty: write it or remove it.", $"variants[{index}].options.thread[{j}]");
            }
        }
    }

    /// <summary>Checked when the post is scheduled, as its text is: each thread part and the first comment within the network's limit.</summary>
    private static void CheckFollowUpLengths(SocialPlatform platform, ContentVariant variant, int index)
    {
        var options = variant.Options ?? PostOptions.Empty;
        var thread = options.Thread ?? [];
        for (var j = 0; j < thread.Count; j++)
        {
            var length = platform.TextLength(thread[j]);
            if (length > platform.MaxTextLength())
            {
                throw new DomainRuleException(
                    $"Part {j + 2} of the thread is too long: {platform.DisplayName()} allows at most {platform.MaxTextLength():N0} characters per part (links count 23, emoji and CJK characters 2); it has {length:N0}.",
                    $"variants[{index}].options.thread[{j}]");
            }
        }

        if (options.FirstComment is { } comment && platform.TextLength(comment) is var commentLength && commentLength > platform.MaxFirstCommentLength())
        {
            throw new DomainRuleException(
                $"A first comment on {platform.DisplayName()} takes at most {platform.MaxFirstCommentLength():N0} characters; this one has {commentLength:N0}.",
                $"variants[{index}].options.firstComment");
        }
    }
}
