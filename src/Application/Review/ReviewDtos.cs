using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Review;

/// <summary>
/// A review link as the team sees it. <see cref="Status"/> is <c>open</c>, <c>expired</c> or <c>revoked</c>;
/// <see cref="Approved"/> and <see cref="ChangesRequested"/> count the posts whose latest decision is that.
/// </summary>
public sealed record ReviewLinkDto(
    Guid Id, string Name, Guid? CompanyId, DateTimeOffset? RangeStart, DateTimeOffset? RangeEnd, int PostCount,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string Status, int Approved, int ChangesRequested,
    IReadOnlyList<ReviewedPostDto> Posts);

/// <summary>A shared post with the reviewers' decisions on it through this link, newest first.</summary>
public sealed record ReviewedPostDto(
    Guid Id, string Title, ContentState State, string? ScheduledLocal, ReviewDecisionDto? Latest,
    IReadOnlyList<ReviewDecisionDto> History, bool EditedSinceDecision);

public sealed record ReviewDecisionDto(string ReviewerName, ReviewVerdict Verdict, string? Comment, DateTimeOffset DecidedAt);

/// <summary>A new link: its secret is in <see cref="Token"/> and <see cref="Path"/>, in this answer only.</summary>
public sealed record CreatedReviewLinkDto(ReviewLinkDto Link, string Token, string Path);

/// <summary>What a reviewer sees through a link: the shared posts and nothing else of the workspace.</summary>
public sealed record SharedReviewDto(
    string Name, string Workspace, string? Brand, DateTimeOffset ExpiresAt, string TimeZone, IReadOnlyList<SharedPostDto> Posts);

public sealed record SharedPostDto(
    Guid Id, string Title, string? ScheduledLocal, IReadOnlyList<SharedVariantDto> Variants, ReviewDecisionDto? Decision);

public sealed record SharedVariantDto(SocialPlatform Platform, string Text, IReadOnlyList<SharedMediaDto> Media);

/// <summary>An image or video of a shared post, through a signed link that expires.</summary>
public sealed record SharedMediaDto(Uri Url, string Alt, bool IsVideo);
