using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>
/// A post for the calendar: per-network variants, a time (UTC), and its way through review and publishing. Every
/// transition is a method that refuses a move the state machine does not allow, so the API, the publishing job and
/// the sweep cannot disagree about what may happen next.
/// </summary>
public sealed partial class ContentItem : Entity<Guid>
{
    public const int MaxTitleLength = 200;
    /// <summary>One variant per network: as many as there are networks.</summary>
    public const int MaxVariants = 10;
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

    /// <summary>
    /// An admin approves. Unless the workspace allows it (<paramref name="mayApproveOwn"/>), the author or the member who
    /// submitted the post cannot approve it: a second pair of eyes is the point of approval.
    /// </summary>
    public void Approve(Guid adminId, string? comment, bool mayApproveOwn, DateTimeOffset now)
    {
        Require(ContentState.InReview, "approved");
        if (!mayApproveOwn && (adminId == CreatedBy || adminId == SubmittedBy))
        {
            throw new DomainRuleException(
                "You cannot approve your own post: another admin has to approve it. An admin can allow self-approval in the workspace settings.");
        }

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

        CheckPlatformRules(assetTypes, at);
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

    private void Require(ContentState state, string action)
    {
        if (State != state)
        {
            throw new DomainRuleException(
                $"Only a post that is {Describe(state)} can be {action}; this one is {Describe(State)}.");
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

            var options = PostOptions.Clean(variant.Options);
            CheckFollowUpShape(variant.Platform, options, i);
            cleaned.Add(variant with { Text = variant.Text.Trim(), MediaAssetIds = variant.MediaAssetIds.Distinct().ToList(), Options = options });
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
