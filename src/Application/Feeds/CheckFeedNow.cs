using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>
/// "Check now": reads the feed at once (a paused one too, with a clean slate of failures) and answers how it went. A
/// feed read in the last <see cref="MinimumGap"/> is not read again, so that the button cannot hammer a site.
/// </summary>
public sealed record CheckFeedNow(Guid Id) : ICommand<FeedDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;

    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(10);
}

public sealed class CheckFeedNowHandler(ITenantDb db, IFeedFetcher fetcher, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<CheckFeedNow, FeedDto>
{
    public async ValueTask<FeedDto> Handle(CheckFeedNow command, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Feed", command.Id);
        var now = clock.GetUtcNow();
        if (feed.LastPolledAt is null || feed.LastPolledAt <= now - CheckFeedNow.MinimumGap || feed.PausedAt is not null)
        {
            try
            {
                feed.CheckNow(now);
                await db.SaveChangesAsync(cancellationToken);
                await FeedCheck.RunAsync(db, fetcher, scheduler, feed.Id, await time.ZoneAsync(cancellationToken), clock, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server is checking this feed right now: its answer is the one shown.
            }
        }

        db.DiscardChanges();
        var current = await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == command.Id, cancellationToken);
        var posts = await db.FeedEntries.CountAsync(e => e.FeedId == current.Id && e.ContentItemId != null, cancellationToken);
        return FeedDto.From(current, posts);
    }
}
