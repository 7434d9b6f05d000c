using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>
/// A post for the calendar: per-network variants, a time (UTC), and its way through review and publishing. Every
/// transition is a method that refuses a move the state machine does not allow, so the API, the publishing job and
/// the sweep cannot disagree about what may happen next.
/// </summary>
public sealed class ContentItem : Entity<Guid>
{
    public const int MaxTitleLength = 200;
    public const int MaxVariants = 5;
    public const int MaxMediaPerVariant = 10;
    public const int MaxCommentLength = 2000;

    /// <summary>A time this far in the past still counts as "now": the clocks of a browser and a server differ a little.</summary>
    public static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    private List<ContentVariant> _variants = [];

    // The variants' networks on their own, so that the calendar can filter by network inside the database.
    private List<string> _platforms = [];

    private ContentItem()
    {
    }

    public Guid? CompanyId { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<ContentVariant> Variants => _variants;

    /// <summary>When the post is meant to go out (UTC): planned on drafts, committed once scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; private set; }

    /// <summary>When a member last scheduled it: attempts since then belong to this schedule.</summary>
    public DateTimeOffset? ScheduledOn { get; private set; }

    /// <summary>When the next publishing run may claim it: the scheduled time, or later after a transient failure.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public ContentState State { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewComment { get; private set; }

    /// <summary>Set when an admin approves; any edit clears it, so what is published is what was approved.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The publishing run that holds the item while it is Publishing.</summary>
    public Guid? CurrentRunId { get; private set; }

    /// <summary>Until when that run holds it; past this the sweep takes it back.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Publishing runs that ended in a transient failure, for the backoff.</summary>
    public int FailedRuns { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public static ContentItem Create(
        Guid? companyId, string title, IReadOnlyList<ContentVariant> variants, DateTimeOffset? plannedAt, Guid createdBy, DateTimeOffset now) =>
        new ContentItem
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Title = CleanTitle(title),
            ScheduledAt = plannedAt,
            State = ContentState.Draft,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        }.WithVariants(variants);

    /// <summary>Changes text, media or planned time. The item goes back to Draft: an approval covered the old text only.</summary>
    public void Edit(Guid? companyId, string title, IReadOnlyList<ContentVariant> variants, DateTimeOffset? plannedAt, DateTimeOffset now)
    {
        if (State is ContentState.Scheduled or ContentState.Publishing or ContentState.Published)
        {
            throw new DomainRuleException(State == ContentState.Scheduled
                ? "A scheduled post cannot be edited: cancel it first, then edit and schedule it again."
                : $"A post that is {State.ToString().ToLowerInvariant()} cannot be edited.");
        }

        CompanyId = companyId;
        Title = CleanTitle(title);
        WithVariants(variants);
        ScheduledAt = plannedAt;
        State = ContentState.Draft;
        ApprovedAt = null;
        UpdatedAt = now;
    }

    public void Submit(Guid userId, DateTimeOffset now)
    {
        Require(ContentState.Draft, "submitted for review");
        State = ContentState.InReview;
        SubmittedBy = userId;
        SubmittedAt = now;
        ReviewComment = null;
        UpdatedAt = now;
    }

    public void Approve(Guid adminId, string? comment, DateTimeOffset now)
    {
        Require(ContentState.InReview, "approved");
        State = ContentState.Approved;
        ReviewedBy = adminId;
        ReviewedAt = now;
        ReviewComment = CleanComment(comment);
        ApprovedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Back to Draft with the reviewer's comment, which says what to change.</summary>
    public void Reject(Guid adminId, string comment, DateTimeOffset now)
    {
        Require(ContentState.InReview, "rejected");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Say what to change: a rejection needs a comment.", "comment");
        }

        State = ContentState.Draft;
        ReviewedBy = adminId;
        ReviewedAt = now;
        ReviewComment = CleanComment(comment);
        ApprovedAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Commits the post to go out at <paramref name="at"/>, after checking every network's rules against its variants.
    /// <paramref name="assetTypes"/> are the types of the media assets the variants use (missing ones are not there).
    /// </summary>
    public void Schedule(DateTimeOffset at, bool approvalRequired, IReadOnlyDictionary<Guid, AssetType> assetTypes, DateTimeOffset now)
    {
        var allowed = State is ContentState.Approved or ContentState.Failed or ContentState.Unconfirmed or ContentState.Cancelled
            or ContentState.Scheduled
            || (State is ContentState.Draft or ContentState.InReview && !approvalRequired);
        if (!allowed)
        {
            throw new DomainRuleException(State is ContentState.Draft or ContentState.InReview
                ? "This workspace requires approval before scheduling: submit the post and have an admin approve it."
                : $"A post that is {State.ToString().ToLowerInvariant()} cannot be scheduled.");
        }

        if (approvalRequired && ApprovedAt is null)
        {
            throw new DomainRuleException("This workspace requires approval before scheduling: submit the post and have an admin approve it.");
        }

        if (at < now - PastTolerance)
        {
            throw new DomainRuleException("Choose a time in the future.", "at");
        }

        CheckPlatformRules(assetTypes);
        State = ContentState.Scheduled;
        ScheduledAt = at;
        DueAt = at;
        ScheduledOn = now;
        FailedRuns = 0;
        LastError = null;
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    /// <summary>Checks each variant against its network's limits; the error names the network, the limit and the field.</summary>
    public void CheckPlatformRules(IReadOnlyDictionary<Guid, AssetType> assetTypes)
    {
        if (_variants.Count == 0)
        {
            throw new DomainRuleException("Add the text for at least one network.", "variants");
        }

        for (var i = 0; i < _variants.Count; i++)
        {
            var variant = _variants[i];
            var platform = variant.Platform;
            var length = platform.TextLength(variant.Text);
            if (length > platform.MaxTextLength())
            {
                throw new DomainRuleException(
                    platform == SocialPlatform.X
                        ? $"X allows at most {platform.MaxTextLength():N0} characters (links count 23, emoji and CJK characters 2); this text has {length:N0}."
                        : $"{platform.DisplayName()} allows at most {platform.MaxTextLength():N0} characters; this text has {length:N0}.",
                    $"variants[{i}].text");
            }

            if (platform.RequiresMedia() &&
                !variant.MediaAssetIds.Any(id => assetTypes.TryGetValue(id, out var type) && type is AssetType.Image or AssetType.Video))
            {
                throw new DomainRuleException(
                    $"{platform.DisplayName()} needs at least one image or video (and at most {platform.MaxTextLength():N0} characters of text).",
                    $"variants[{i}].mediaAssetIds");
            }
        }
    }

    /// <summary>Stops a post from going out. A post being sent right now cannot be stopped half-way.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (State is ContentState.Publishing or ContentState.Published or ContentState.Cancelled)
        {
            throw new DomainRuleException(State == ContentState.Publishing
                ? "The post is being published right now and can no longer be cancelled."
                : $"A post that is {State.ToString().ToLowerInvariant()} cannot be cancelled.");
        }

        State = ContentState.Cancelled;
        DueAt = null;
        UpdatedAt = now;
    }

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
        PublishedAt = now;
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

    /// <summary>Whether the item may be deleted: not while a run is sending it.</summary>
    public void EnsureCanDelete()
    {
        if (State == ContentState.Publishing)
        {
            throw new DomainRuleException("The post is being published right now; delete it once that is over.");
        }
    }

    private ContentItem WithVariants(IReadOnlyList<ContentVariant> variants)
    {
        _variants = CleanVariants(variants);
        _platforms = _variants.Select(v => v.Platform.ToString()).ToList();
        return this;
    }

    private void EndRun(DateTimeOffset now)
    {
        DueAt = null;
        CurrentRunId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    private void Require(ContentState state, string action)
    {
        if (State != state)
        {
            throw new DomainRuleException(
                $"Only a post that is {Describe(state)} can be {action}; this one is {Describe(State)}.");
        }
    }

    private void RequirePublishing()
    {
        if (State != ContentState.Publishing)
        {
            throw new DomainRuleException($"The post is {Describe(State)}, not publishing.");
        }
    }

    private static string Describe(ContentState state) => state switch
    {
        ContentState.InReview => "in review",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string CleanTitle(string title)
    {
        var trimmed = title.Trim();
        return trimmed.Length is > 0 and <= MaxTitleLength
            ? trimmed
            : throw new DomainRuleException($"A title has 1 to {MaxTitleLength} characters.", "title");
    }

    private static List<ContentVariant> CleanVariants(IReadOnlyList<ContentVariant> variants)
    {
        if (variants.Count > MaxVariants)
        {
            throw new DomainRuleException($"A post has at most {MaxVariants} variants, one per network.", "variants");
        }

        var cleaned = new List<ContentVariant>();
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            if (cleaned.Any(v => v.Platform == variant.Platform))
            {
                throw new DomainRuleException($"{variant.Platform.DisplayName()} appears twice: one variant per network.", $"variants[{i}].platform");
            }

            if (variant.MediaAssetIds.Count > MaxMediaPerVariant)
            {
                throw new DomainRuleException($"At most {MaxMediaPerVariant} media per post.", $"variants[{i}].mediaAssetIds");
            }

            cleaned.Add(variant with { Text = variant.Text.Trim(), MediaAssetIds = variant.MediaAssetIds.Distinct().ToList() });
        }

        return cleaned;
    }

    private static string? CleanComment(string? comment)
    {
        var trimmed = comment?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxCommentLength ? trimmed[..MaxCommentLength] : trimmed;
    }

    private static string Clip(string reason) => reason.Length > 1000 ? reason[..1000] : reason;
}
