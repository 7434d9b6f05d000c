using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Application.Queue;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Feeds;
using BrandAutomator.Domain.Queue;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>Makes the posts of a feed's new items: drafts, or posts in the brand's queue (each taking the next free time).</summary>
internal static class FeedPosts
{
    public static ContentItem Make(Feed feed, FetchedItem fetched, DateTimeOffset now)
    {
        var title = fetched.Title.Trim() is { Length: > 0 } t ? t : $"New item from {feed.Name}";
        if (title.Length > ContentItem.MaxTitleLength)
        {
            title = title[..(ContentItem.MaxTitleLength - 1)].TrimEnd() + "…";
        }

        var variants = feed.Platforms.Select(p => new ContentVariant(p, FeedText.Render(feed.Template, fetched, p), [])).ToList();
        return ContentItem.Create(feed.CompanyId, title, variants, null, feed.CreatedBy, now);
    }

    /// <summary>
    /// Puts new posts in the queue, one after another. A post that cannot be queued (no posting times, a network not
    /// connected, approval required) stays a draft that says why. Needs the open transaction of the caller.
    /// </summary>
    public static async Task<List<(Guid ItemId, DateTimeOffset At)>> QueueAsync(
        ITenantDb db, Feed feed, IReadOnlyList<ContentItem> items, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var triggers = new List<(Guid, DateTimeOffset)>();
        if (items.Count == 0)
        {
            return triggers;
        }

        await db.LockAsync(TenantLock.Queue, cancellationToken);
        var approvalRequired = await ContentReader.ApprovalRequiredAsync(db, cancellationToken);
        var slots = await QueueReader.SlotsAsync(db, feed.CompanyId, feed.Platforms, cancellationToken);
        var held = (await QueueReader.QueuedAsync(db, feed.CompanyId, feed.Platforms, now, tracked: false, cancellationToken))
            .Select(p => p.ScheduledAt!.Value).ToHashSet();
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            try
            {
                if (approvalRequired)
                {
                    item.Submit(feed.CreatedBy, now);
                    continue;
                }

                if (slots.Count == 0)
                {
                    throw new DomainRuleException("the brand has no posting times for these networks yet (Settings, Queue).");
                }

                var at = PostingQueue.NextFree(slots, zone, now, held.Contains)
                    ?? throw new DomainRuleException("the queue is full for the coming year.");
                ConnectedNetworks.Ensure(item, connections, now, "schedule");
                item.Schedule(at, approvalRequired: false, new Dictionary<Guid, Domain.Assets.AssetType>(), now);
                held.Add(at);
                triggers.Add((item.Id, at));
            }
            catch (Exception e) when (e is DomainRuleException or InputValidationException)
            {
                var reason = e is InputValidationException invalid ? string.Join(" ", invalid.Errors.Values.SelectMany(m => m)) : e.Message;
                item.NoteNotScheduled($"This post from the feed “{feed.Name}” could not be added to the queue: {reason}", now);
            }
        }

        return triggers;
    }
}
