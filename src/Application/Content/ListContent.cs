using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>
/// The calendar: posts whose time falls in [<see cref="From"/>, <see cref="To"/>) (month and week views), or all posts
/// newest first when no range is given (list view), optionally of one state, network or company. <see cref="From"/> and
/// <see cref="To"/> are dates (midnight in the workspace's time zone) or instants with an offset.
/// </summary>
public sealed record ListContent(
    string? From, string? To, string? State, string? Platform, Guid? CompanyId, int Page = 1, int PageSize = 100)
    : IQuery<ContentPage>;

public sealed class ListContentValidator : AbstractValidator<ListContent>
{
    public ListContentValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 500);
        RuleFor(x => x.State).Must(s => s is null || Enum.TryParse<ContentState>(s, ignoreCase: true, out _))
            .WithMessage($"One of: {string.Join(", ", Enum.GetNames<ContentState>())}.");
        RuleFor(x => x.Platform).Must(p => p is null || Enum.TryParse<SocialPlatform>(p, ignoreCase: true, out _))
            .WithMessage($"One of: {string.Join(", ", Enum.GetNames<SocialPlatform>())}.");
    }
}

public sealed class ListContentHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<ListContent, ContentPage>
{
    public async ValueTask<ContentPage> Handle(ListContent query, CancellationToken cancellationToken)
    {
        // One connection for the zone, the page and what goes with it; the zone comes with the connection's set-up.
        await using var connection = await time.HoldConnectionAsync(cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        var items = db.ContentItems.AsNoTracking();
        if (query.From is { Length: > 0 } from)
        {
            var start = ParseBound(from, zone, "from");
            items = items.Where(c => c.ScheduledAt >= start);
        }

        if (query.To is { Length: > 0 } to)
        {
            var end = ParseBound(to, zone, "to");
            items = items.Where(c => c.ScheduledAt < end);
        }

        if (query.State is { } stateName)
        {
            var state = Enum.Parse<ContentState>(stateName, ignoreCase: true);
            items = items.Where(c => c.State == state);
        }

        if (query.CompanyId is { } companyId)
        {
            items = items.Where(c => c.CompanyId == companyId);
        }

        if (query.Platform is { } platformName)
        {
            var name = Enum.Parse<SocialPlatform>(platformName, ignoreCase: true).ToString();
            items = items.Where(c => EF.Property<List<string>>(c, "_platforms").Contains(name));
        }

        var ordered = query.From is not null || query.To is not null
            ? items.OrderBy(c => c.ScheduledAt).ThenBy(c => c.Id)
            : items.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        // One row past the page tells whether the page is the last, and then the total without a count; attempts are
        // only asked for posts that were ever scheduled (the only ones a publishing run touches).
        var page = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize + 1)
            .Select(c => new ContentEntry(
                c.Id, c.CompanyId, c.Title, EF.Property<List<ContentVariant>>(c, "_variants"), c.State, c.ScheduledAt, c.ScheduledOn,
                c.DueAt, c.ReviewComment, c.SubmittedAt, c.ApprovedAt, c.LastError, c.PublishedAt, c.CreatedBy, c.CreatedAt, c.UpdatedAt, c.SeriesId, c.SeriesIndex))
            .ToListAsync(cancellationToken);
        var total = page.Count <= query.PageSize && (page.Count > 0 || query.Page == 1)
            ? (query.Page - 1) * query.PageSize + page.Count
            : await items.CountAsync(cancellationToken);
        if (page.Count > query.PageSize)
        {
            page.RemoveAt(page.Count - 1);
        }

        var ids = page.Where(c => c.ScheduledOn is not null).Select(c => c.Id).ToList();
        var attempts = ids.Count == 0
            ? []
            : await db.PublishAttempts.AsNoTracking().Where(a => ids.Contains(a.ContentItemId)).ToListAsync(cancellationToken);
        // Connection warnings belong to scheduled posts only: the connections are read when the page has one.
        var connections = page.Any(c => c.State == ContentState.Scheduled)
            ? await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken)
            : [];
        var now = clock.GetUtcNow();
        // Each post gets its own attempts (a page of published posts has a few hundred), not the whole page's to filter.
        var attemptsOf = attempts.ToLookup(a => a.ContentItemId);
        return new ContentPage(
            page.Select(c => ContentItemDto.From(c, zone, attemptsOf.Contains(c.Id) ? [.. attemptsOf[c.Id]] : [], connections, now)).ToList(), query.Page, query.PageSize, total, zone.Id);
    }

    private static DateTimeOffset ParseBound(string value, TimeZoneInfo zone, string field) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? TenantTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), zone, field)
            : TenantTime.Parse(value, zone, field);
}
