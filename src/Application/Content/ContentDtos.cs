using BrandAutomator.Application.Social;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Content;

/// <summary>One network's text and media; <see cref="Options"/> holds the settings only some networks have (Pinterest, YouTube, TikTok).</summary>
public sealed record ContentVariantDto(SocialPlatform Platform, string Text, IReadOnlyList<Guid>? MediaAssetIds, PostOptions? Options = null)
{
    /// <summary>The variants as sent, missing lists read as empty (the validator has checked them).</summary>
    public static List<ContentVariant> ToDomain(IReadOnlyList<ContentVariantDto>? variants) =>
        (variants ?? []).Select(v => new ContentVariant(v.Platform, v.Text ?? "", v.MediaAssetIds ?? [], v.Options)).ToList();
}

/// <summary>The latest outcome on one network, so the calendar can say exactly what happened there.</summary>
public sealed record PlatformResultDto(SocialPlatform Platform, string Outcome, string? PlatformPostId, string? Error, DateTimeOffset At);

/// <summary>
/// The latest outcome of one part on one network: the post (part 1), a later part of its thread (2 onwards), or its first
/// comment; a part with no entry has not been sent yet.
/// </summary>
public sealed record PublishPartDto(
    SocialPlatform Platform, PublishPartKind Kind, int Part, string Outcome, string? PlatformPostId, string? Error, DateTimeOffset At);

/// <summary>
/// A post as the calendar shows it. <see cref="ScheduledAt"/> is UTC; <see cref="ScheduledLocal"/> is the same instant
/// in the workspace's <see cref="TimeZone"/>, with its offset. A scheduled post carries a
/// <see cref="ConnectionWarnings"/> entry for each of its networks whose connection will not carry it (expiring within
/// 7 days, expired, revoked, refused, or missing). <see cref="Parts"/> says how each part went (thread parts, first comments).
/// </summary>
public sealed record ContentItemDto(
    Guid Id, Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, ContentState State,
    DateTimeOffset? ScheduledAt, string? ScheduledLocal, string TimeZone, DateTimeOffset? NextAttemptAt,
    string? ReviewComment, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, string? LastError, DateTimeOffset? PublishedAt,
    IReadOnlyList<PlatformResultDto> Results, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ConnectionWarningDto> ConnectionWarnings, Guid? SeriesId = null, int? SeriesIndex = null,
    IReadOnlyList<PublishPartDto>? Parts = null)
{
    /// <summary>The post; <paramref name="connections"/> (the tenant's, at <paramref name="now"/>) give its connection warnings.</summary>
    public static ContentItemDto From(
        ContentItem item, TimeZoneInfo zone, IReadOnlyList<PublishAttempt>? attempts = null, IReadOnlyList<SocialConnection>? connections = null,
        DateTimeOffset now = default) => From(ContentEntry.Of(item), zone, attempts, connections, now);

    /// <inheritdoc cref="From(ContentItem, TimeZoneInfo, IReadOnlyList{PublishAttempt}?, IReadOnlyList{SocialConnection}?, DateTimeOffset)"/>
    public static ContentItemDto From(
        ContentEntry item, TimeZoneInfo zone, IReadOnlyList<PublishAttempt>? attempts = null, IReadOnlyList<SocialConnection>? connections = null,
        DateTimeOffset now = default) => new(
        item.Id, item.CompanyId, item.Title,
        item.Variants.Select(v => new ContentVariantDto(v.Platform, v.Text, v.MediaAssetIds, v.Options)).ToList(),
        item.State, item.ScheduledAt, item.ScheduledAt is { } at ? TenantTime.ToLocalText(at, zone) : null, zone.Id,
        item.State == ContentState.Scheduled ? item.DueAt : null,
        item.ReviewComment, item.SubmittedAt, item.ApprovedAt, item.LastError, item.PublishedAt,
        (attempts ?? [])
            .Where(a => a.ContentItemId == item.Id && a.PartKind == PublishPartKind.Post)
            .GroupBy(a => a.Platform)
            .Select(g => g.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).First())
            .Select(a => new PlatformResultDto(a.Platform, a.Outcome.ToString(), a.PlatformPostId, a.Error, a.FinishedAt ?? a.StartedAt))
            .ToList(),
        item.CreatedBy, item.CreatedAt, item.UpdatedAt,
        connections is null ? [] : Social.ConnectionWarnings.ForPost(item, connections, now), item.SeriesId, item.SeriesIndex,
        PartsOf(item.Id, attempts));

    private static List<PublishPartDto> PartsOf(Guid itemId, IReadOnlyList<PublishAttempt>? attempts) =>
        (attempts ?? [])
            .Where(a => a.ContentItemId == itemId)
            .GroupBy(a => (a.Platform, a.PartKind, a.Part))
            .Select(g => g.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).First())
            .OrderBy(a => a.Platform).ThenBy(a => a.PartKind == PublishPartKind.FirstComment).ThenBy(a => a.Part)
            .Select(a => new PublishPartDto(a.Platform, a.PartKind, a.Part, a.Outcome.ToString(), a.PlatformPostId, a.Error, a.FinishedAt ?? a.StartedAt))
            .ToList();
}

/// <summary>
/// What a member sees of a post: its columns without the publishing run's bookkeeping (lease, run, failed runs, the
/// networks' own column, the row version), so that the calendar reads and materialises only these.
/// </summary>
public sealed record ContentEntry(
    Guid Id, Guid? CompanyId, string Title, IReadOnlyList<ContentVariant> Variants, ContentState State,
    DateTimeOffset? ScheduledAt, DateTimeOffset? ScheduledOn, DateTimeOffset? DueAt, string? ReviewComment, DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt, string? LastError, DateTimeOffset? PublishedAt, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid? SeriesId = null, int? SeriesIndex = null)
{
    public static ContentEntry Of(ContentItem item) => new(
        item.Id, item.CompanyId, item.Title, item.Variants, item.State, item.ScheduledAt, item.ScheduledOn, item.DueAt, item.ReviewComment,
        item.SubmittedAt, item.ApprovedAt, item.LastError, item.PublishedAt, item.CreatedBy, item.CreatedAt, item.UpdatedAt, item.SeriesId, item.SeriesIndex);
}

public sealed record ContentPage(IReadOnlyList<ContentItemDto> Items, int Page, int PageSize, int Total, string TimeZone);
