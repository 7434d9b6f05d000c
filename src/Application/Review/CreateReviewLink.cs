using System.Globalization;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>
/// An admin shares posts with a client: the posts planned from <see cref="From"/> to <see cref="To"/> (days in the
/// workspace's time zone, both included) and/or the chosen <see cref="PostIds"/>, optionally of one brand. Published and
/// cancelled posts are not shared. The answer holds the link's secret, once.
/// </summary>
public sealed record CreateReviewLink(
    string Name, string? From, string? To, IReadOnlyList<Guid>? PostIds, Guid? CompanyId, int ExpiresInDays)
    : ICommand<CreatedReviewLinkDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class CreateReviewLinkValidator : AbstractValidator<CreateReviewLink>
{
    public CreateReviewLinkValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Give the link a name, e.g. “March posts for Acme”.")
            .MaximumLength(ReviewLink.MaxNameLength);
        RuleFor(x => x.ExpiresInDays).InclusiveBetween(1, ReviewLink.MaxLifetimeDays)
            .WithMessage($"A review link lasts from 1 to {ReviewLink.MaxLifetimeDays} days.");
        RuleFor(x => x.PostIds).Must(ids => ids is null || ids.Count <= ReviewLink.MaxPosts)
            .WithMessage($"A link shares at most {ReviewLink.MaxPosts} posts.");
        RuleFor(x => x.PostIds).Must((x, ids) => ids is { Count: > 0 } || !string.IsNullOrWhiteSpace(x.From) || !string.IsNullOrWhiteSpace(x.To))
            .WithMessage("Choose the posts to share, or a date range.");
    }
}

public sealed class CreateReviewLinkHandler(
    ICatalogDb catalog, ITenantDb db, ICurrentUser currentUser, TenantTime time, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateReviewLink, CreatedReviewLinkDto>
{
    private static readonly ContentState[] Shareable =
        [ContentState.Draft, ContentState.InReview, ContentState.Approved, ContentState.Scheduled, ContentState.Failed, ContentState.Unconfirmed];

    public async ValueTask<CreatedReviewLinkDto> Handle(CreateReviewLink command, CancellationToken cancellationToken)
    {
        // Another workspace's brand is not found, before anything else is read.
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var now = clock.GetUtcNow();
        var zone = await time.ZoneAsync(cancellationToken);
        var start = Day(command.From, "from") is { } first ? TenantTime.ToUtc(first.ToDateTime(TimeOnly.MinValue), zone, "from") : (DateTimeOffset?)null;
        var end = Day(command.To, "to") is { } last ? TenantTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "to") : (DateTimeOffset?)null;
        if (start >= end)
        {
            throw InputValidationException.For("to", "The last day comes before the first.");
        }

        var posts = db.ContentItems.AsNoTracking().Where(c => Shareable.Contains(c.State));
        if (start is { } from)
        {
            posts = posts.Where(c => c.ScheduledAt >= from);
        }

        if (end is { } to)
        {
            posts = posts.Where(c => c.ScheduledAt < to);
        }

        if (command.CompanyId is { } brand)
        {
            posts = posts.Where(c => c.CompanyId == brand);
        }

        var chosen = command.PostIds?.Distinct().ToList() ?? [];
        if (chosen.Count > 0)
        {
            posts = posts.Where(c => chosen.Contains(c.Id));
        }

        var ids = await posts.OrderBy(c => c.ScheduledAt).ThenBy(c => c.Id).Select(c => c.Id).Take(ReviewLink.MaxPosts + 1)
            .ToListAsync(cancellationToken);
        if (chosen.Count > 0 && ids.Count < chosen.Count)
        {
            throw InputValidationException.For("postIds",
                "Some chosen posts cannot be shared: they are published, cancelled, outside the dates or brand chosen, or not this workspace's.");
        }

        var token = ReviewLinkTokens.Generate();
        var link = ReviewLink.Create(currentUser.TenantId, command.Name, ReviewLinkTokens.Hash(token), command.CompanyId, start, end, ids,
            now.AddDays(command.ExpiresInDays), currentUser.UserId, now);
        catalog.ReviewLinks.Add(link);
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.ReviewLinkCreated, link.TenantId, currentUser.UserId,
            $"Shared review link '{link.Name}' with {link.PostIds.Count} post{(link.PostIds.Count == 1 ? "" : "s")}, open until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC.",
            cancellationToken);
        var dto = (await ReviewLinkReader.ToDtosAsync(db, [link], zone, now, cancellationToken))[0];
        return new CreatedReviewLinkDto(dto, token, ReviewLinkTokens.PagePath + token);
    }

    private static DateOnly? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw InputValidationException.For(field, "Enter a day as YYYY-MM-DD.");
    }
}
