using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>The polling job's step for one workspace: checks the feeds that are due, a few at a time.</summary>
public sealed record PollFeeds : ICommand<FeedPollSummary>;

public sealed class PollFeedsHandler(ITenantDb db, IFeedFetcher fetcher, IPublishScheduler scheduler, TenantTime time, TimeProvider clock)
    : ICommandHandler<PollFeeds, FeedPollSummary>
{
    private const int FeedsPerRound = 20;

    public async ValueTask<FeedPollSummary> Handle(PollFeeds command, CancellationToken cancellationToken)
    {
        var zone = await time.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.Feeds.AsNoTracking().Where(f => f.PausedAt == null && f.NextPollAt <= now)
            .OrderBy(f => f.NextPollAt).Select(f => f.Id).Take(FeedsPerRound).ToListAsync(cancellationToken);
        int checkedFeeds = 0, posts = 0, failed = 0, paused = 0;
        foreach (var id in due)
        {
            var outcome = await FeedCheck.RunAsync(db, fetcher, scheduler, id, zone, clock, cancellationToken);
            checkedFeeds += outcome.Checked ? 1 : 0;
            posts += outcome.Posts;
            failed += outcome.Failed ? 1 : 0;
            paused += outcome.Paused ? 1 : 0;
        }

        return new FeedPollSummary(checkedFeeds, posts, failed, paused);
    }
}
