using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Feeds;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>What one check of a feed did.</summary>
internal sealed record FeedCheckOutcome(bool Checked, int Posts, bool Failed, bool Paused);

/// <summary>
/// One check of one feed, shared by the polling job and "Check now". The feed is claimed first (a write of its row
/// version, which one node wins), and each item is recorded under a key unique per feed in the same transaction as its
/// post, so an item becomes exactly one post across nodes and restarts.
/// </summary>
internal static class FeedCheck
{
    public const string PausedKind = "feed-paused";
    private const int PostsPerCheck = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<FeedCheckOutcome> RunAsync(
        ITenantDb db, IFeedFetcher fetcher, IPublishScheduler scheduler, Guid feedId, TimeZoneInfo zone, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        db.DiscardChanges();
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == feedId, cancellationToken);
        if (feed is null || feed.PausedAt is not null || feed.NextPollAt > clock.GetUtcNow() || !await ClaimAsync(db, feed, clock, cancellationToken))
        {
            return new FeedCheckOutcome(false, 0, false, false);
        }

        var result = await fetcher.FetchAsync(new Uri(feed.Url), feed.ETag, feed.LastModified, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var triggers = new List<(Guid ItemId, DateTimeOffset At)>();
        var made = 0;
        var paused = false;
        switch (result.Status)
        {
            case FeedFetchStatus.Failed:
                paused = feed.Failed(result.Error ?? "The feed could not be read.", now);
                if (paused)
                {
                    db.Notifications.Add(Notification.Create(PausedKind, $"The feed \"{feed.Name}\" is paused", feed.LastError!, null, now));
                }

                break;
            case FeedFetchStatus.NotModified:
                feed.Succeeded(null, null, now);
                break;
            default:
                var items = new List<ContentItem>();
                foreach (var (key, item) in await FreshAsync(db, feed, result.Items, cancellationToken))
                {
                    // The items already there when the feed was added, and any beyond one check's share, are noted only.
                    var post = feed.Primed && items.Count < PostsPerCheck ? FeedPosts.Make(feed, item, now) : null;
                    if (post is not null)
                    {
                        items.Add(post);
                        db.ContentItems.Add(post);
                    }

                    db.FeedEntries.Add(FeedEntry.Seen(feed.Id, key, item.Title, item.Link, post?.Id, now));
                }

                if (feed.Target == FeedTarget.Queue)
                {
                    triggers = await FeedPosts.QueueAsync(db, feed, items, zone, now, cancellationToken);
                }

                made = items.Count;
                feed.Succeeded(result.ETag, result.LastModified, now);
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded one of these items first (or changed the feed): its posts stand, these go.
            await transaction.RollbackAsync(cancellationToken);
            db.DiscardChanges();
            return new FeedCheckOutcome(true, 0, false, false);
        }

        if (triggers.Count > 0)
        {
            await scheduler.ScheduleNewAsync(triggers, cancellationToken);
        }

        return new FeedCheckOutcome(true, made, result.Status == FeedFetchStatus.Failed, paused);
    }

    /// <summary>Takes the feed for this check; false when another node took it first.</summary>
    private static async Task<bool> ClaimAsync(ITenantDb db, Feed feed, TimeProvider clock, CancellationToken cancellationToken)
    {
        feed.Claim(clock.GetUtcNow() + Lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.DiscardChanges();
            return false;
        }
    }

    /// <summary>The items not seen before, oldest first, each once.</summary>
    private static async Task<List<(string Key, FetchedItem Item)>> FreshAsync(
        ITenantDb db, Feed feed, IReadOnlyList<FetchedItem> items, CancellationToken cancellationToken)
    {
        var keyed = items.Select(i => (Key: FeedText.KeyOf(i), Item: i)).Where(k => k.Key is not null)
            .Select(k => (Key: k.Key!, k.Item)).DistinctBy(k => k.Key).ToList();
        var keys = keyed.Select(k => k.Key).ToList();
        var seen = (await db.FeedEntries.AsNoTracking().Where(e => e.FeedId == feed.Id && keys.Contains(e.Key)).Select(e => e.Key)
            .ToListAsync(cancellationToken)).ToHashSet();
        // Feeds list the newest first: posts are made in the order the items appeared.
        return keyed.Where(k => !seen.Contains(k.Key))
            .Select((k, i) => (k, i)).OrderBy(x => x.k.Item.Published ?? DateTimeOffset.MaxValue).ThenByDescending(x => x.i)
            .Select(x => x.k).ToList();
    }
}
