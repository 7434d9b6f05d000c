using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>The publishing run's side of the post: the claim, the lease, and how a run ends.</summary>
public sealed partial class ContentItem
{
    /// <summary>
    /// The publishing run's claim: only a Scheduled item whose time has come can be taken, and only by one run (the
    /// row's version makes two concurrent claims collide). False when there is nothing to do.
    /// </summary>
    public bool TryClaim(Guid runId, DateTimeOffset now, TimeSpan lease, TimeSpan earlyTolerance)
    {
        if (State != ContentState.Scheduled || DueAt is not { } due || due > now + earlyTolerance)
        {
            return false;
        }

        State = ContentState.Publishing;
        CurrentRunId = runId;
        LeaseExpiresAt = now + lease;
        UpdatedAt = now;
        return true;
    }

    public void ExtendLease(DateTimeOffset now, TimeSpan lease)
    {
        RequirePublishing();
        LeaseExpiresAt = now + lease;
    }

    /// <summary>
    /// Ends the run from each network's result: a transient failure while runs remain schedules the post again after the
    /// backoff (or the wait a network asked for, if longer); otherwise a lost answer makes it Unconfirmed (never sent
    /// again blindly); otherwise a refusal, or retries run out, makes it Failed; otherwise it is Published.
    /// </summary>
    public PublishRunConclusion ConcludeRun(IReadOnlyList<NetworkResult> results, int maxRuns, Func<int, TimeSpan> backoff, DateTimeOffset now)
    {
        var summary = string.Join(" ", results.Select(r => r.Outcome == PublishOutcome.Published
            ? $"{r.Platform.DisplayName()}: published ({r.PostId})."
            : $"{r.Platform.DisplayName()}: {r.Message}"));
        var retries = results.Where(r => r.Outcome == PublishOutcome.RetryLater).ToList();
        var lost = results.Any(r => r.Outcome == PublishOutcome.Unconfirmed);
        var failed = results.Any(r => r.Outcome is PublishOutcome.Rejected or PublishOutcome.Unauthorized);
        if (retries.Count > 0 && FailedRuns + 1 < maxRuns)
        {
            var wait = backoff(FailedRuns + 1);
            var asked = retries.Select(r => r.RetryAfter ?? TimeSpan.Zero).Max();
            var retryAt = now + (asked > wait ? asked : wait);
            RetryLater(retryAt, summary, now);
            return new PublishRunConclusion(RunConclusion.RetryLater, summary, retryAt);
        }

        if (lost)
        {
            MarkUnconfirmed(summary, now);
            return new PublishRunConclusion(RunConclusion.Unconfirmed, summary, null);
        }

        if (failed || retries.Count > 0)
        {
            var reason = retries.Count > 0 && !failed ? $"Gave up after {FailedRuns + 1} attempts. {summary}" : summary;
            MarkFailed(reason, now);
            return new PublishRunConclusion(RunConclusion.Failed, reason, null);
        }

        MarkPublished(now);
        return new PublishRunConclusion(RunConclusion.Published, summary, null);
    }

    /// <summary>A transient failure (rate limit, outage): back to Scheduled, due again at <paramref name="retryAt"/>.</summary>
    public void RetryLater(DateTimeOffset retryAt, string reason, DateTimeOffset now)
    {
        RequirePublishing();
        State = ContentState.Scheduled;
        DueAt = retryAt;
        FailedRuns++;
        LastError = Clip(reason);
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    public void MarkPublished(DateTimeOffset now)
    {
        RequirePublishing();
        State = ContentState.Published;
        // Kept from the first time: a run that only sends a first comment again does not move the post's time.
        PublishedAt ??= now;
        LastError = null;
        EndRun(now);
    }

    public void MarkFailed(string reason, DateTimeOffset now)
    {
        RequirePublishing();
        State = ContentState.Failed;
        LastError = Clip(reason);
        EndRun(now);
    }

    public void MarkUnconfirmed(string reason, DateTimeOffset now)
    {
        RequirePublishing();
        State = ContentState.Unconfirmed;
        LastError = Clip(reason);
        EndRun(now);
    }

    /// <summary>
    /// The run that held the item is gone (its node died) and its lease ran out. If a request may have gone out the
    /// post is Unconfirmed; otherwise nothing was sent and it is due again at once.
    /// </summary>
    public void RecoverAbandonedRun(bool requestMayHaveGoneOut, DateTimeOffset now)
    {
        RequirePublishing();
        if (LeaseExpiresAt is { } lease && lease > now)
        {
            throw new DomainRuleException("The publishing run still holds this post.");
        }

        if (requestMayHaveGoneOut)
        {
            MarkUnconfirmed("Publishing stopped while a request was out; check the network before publishing again.", now);
            return;
        }

        State = ContentState.Scheduled;
        DueAt = now;
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    private void EndRun(DateTimeOffset now)
    {
        DueAt = null;
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    private void RequirePublishing()
    {
        if (State != ContentState.Publishing)
        {
            throw new DomainRuleException($"The post is {Describe(State)}, not publishing.");
        }
    }
}
