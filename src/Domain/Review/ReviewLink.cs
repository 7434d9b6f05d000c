using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Review;

/// <summary>
/// A link an admin shares with a client so they can review a set of posts without an account. The link's secret is
/// 256 random bits in the path; only its SHA-256 is kept, so the table alone opens nothing. The posts are fixed when
/// the link is made: the reviewer sees those and nothing else, even when more posts fall in the range later.
/// </summary>
public sealed class ReviewLink
{
    public const int MaxNameLength = 120;
    public const int MaxPosts = 200;
    public const int MaxLifetimeDays = 60;

    private ReviewLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>SHA-256 of the link's secret, lower-case hex.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The brand the posts were chosen from, if one was.</summary>
    public Guid? CompanyId { get; private set; }

    /// <summary>The range the posts were chosen from (UTC), if one was: for the team's list.</summary>
    public DateTimeOffset? RangeStart { get; private set; }

    public DateTimeOffset? RangeEnd { get; private set; }

    public List<Guid> PostIds { get; private set; } = [];

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    public static ReviewLink Create(
        Guid tenantId, string name, string tokenHash, Guid? companyId, DateTimeOffset? rangeStart, DateTimeOffset? rangeEnd,
        IReadOnlyCollection<Guid> postIds, DateTimeOffset expiresAt, Guid createdBy, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException($"Give the link a name of 1 to {MaxNameLength} characters, e.g. “March posts for Acme”.", "name");
        }

        if (postIds.Count == 0)
        {
            throw new DomainRuleException("No posts to share: choose posts, or a date range or brand that has some.", "postIds");
        }

        if (postIds.Count > MaxPosts)
        {
            throw new DomainRuleException(
                $"That is {postIds.Count} posts; a link shares at most {MaxPosts}: choose a shorter range or fewer posts.", "postIds");
        }

        if (expiresAt <= now || expiresAt > now.AddDays(MaxLifetimeDays))
        {
            throw new DomainRuleException($"A review link lasts from one day to {MaxLifetimeDays} days.", "expiresInDays");
        }

        return new ReviewLink
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = trimmed,
            TokenHash = tokenHash,
            CompanyId = companyId,
            RangeStart = rangeStart,
            RangeEnd = rangeEnd,
            PostIds = postIds.Distinct().ToList(),
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>Whether the reviewer may still open it: not revoked, not expired.</summary>
    public bool IsOpen(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public bool Shares(Guid postId) => PostIds.Contains(postId);

    /// <summary>Stops the link at once; revoking twice keeps the first time.</summary>
    public void Revoke(Guid adminId, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedBy = adminId;
    }
}
