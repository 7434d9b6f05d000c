using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Companies;
using BrandAutomator.Domain.Feeds;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>
/// An admin has a brand watch an RSS or Atom feed: its new items become drafts or queued posts on <see cref="Platforms"/>
/// through <see cref="Template"/>. The items already in the feed make no posts.
/// </summary>
public sealed record AddFeed(
    Guid? CompanyId, string Name, string Url, FeedTarget? Target, IReadOnlyList<SocialPlatform>? Platforms, string? Template, int? IntervalMinutes)
    : ICommand<FeedDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class AddFeedValidator : AbstractValidator<AddFeed>
{
    /// <summary>Feeds one workspace may watch: plenty for a content team, not a crawler.</summary>
    public const int MaxFeeds = 50;

    public AddFeedValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Give the feed a name.").MaximumLength(Feed.MaxNameLength);
        RuleFor(x => x.Url).NotEmpty().WithMessage("Enter the feed's web address.").MaximumLength(Feed.MaxUrlLength)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("Enter the feed's web address, starting with https:// or http://.");
        RuleFor(x => x.Target).IsInEnum();
        RuleFor(x => x.Platforms).NotEmpty().WithMessage("Choose at least one network for the posts.");
        RuleForEach(x => x.Platforms).IsInEnum();
        RuleFor(x => x.Template).MaximumLength(Feed.MaxTemplateLength);
    }
}

public sealed class AddFeedHandler(ITenantDb db, ICurrentUser user, IFeedAddressPolicy addresses, TimeProvider clock)
    : ICommandHandler<AddFeed, FeedDto>
{
    public async ValueTask<FeedDto> Handle(AddFeed command, CancellationToken cancellationToken)
    {
        await CompanyLookup.EnsureExistsAsync(db, command.CompanyId, cancellationToken);
        var url = new Uri(command.Url.Trim());
        if (await addresses.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw InputValidationException.For("url", refusal);
        }

        if (await db.Feeds.CountAsync(cancellationToken) >= AddFeedValidator.MaxFeeds)
        {
            throw InputValidationException.For("url", $"This workspace already watches {AddFeedValidator.MaxFeeds} feeds; remove one first.");
        }

        if (await db.Feeds.AnyAsync(f => f.Url == url.AbsoluteUri && f.CompanyId == command.CompanyId, cancellationToken))
        {
            throw InputValidationException.For("url", "This brand already watches that feed.");
        }

        var feed = Feed.Create(command.CompanyId, command.Name, url, command.Target ?? FeedTarget.Draft, command.Platforms ?? [],
            command.Template, command.IntervalMinutes ?? 60, user.UserId, clock.GetUtcNow());
        db.Feeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return FeedDto.From(feed, 0);
    }
}
