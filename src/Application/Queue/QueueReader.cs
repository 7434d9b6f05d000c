using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Queue;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Queue;

/// <summary>The reads the queue's use cases share: a brand's slots, and the posts that already hold times in its queue.</summary>
internal static class QueueReader
{
    /// <summary>The brand must be one of the tenant's (404 otherwise, as for any id of another tenant); null is "no brand".</summary>
    public static async Task EnsureBrandAsync(ITenantDb db, Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("Brand", id);
        }
    }

    public static async Task<List<QueueSlot>> SlotsAsync(
        ITenantDb db, Guid? companyId, IReadOnlyCollection<SocialPlatform> platforms, CancellationToken cancellationToken) =>
        await db.QueueSlots.AsNoTracking()
            .Where(s => s.CompanyId == companyId && platforms.Contains(s.Platform))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The brand's posts going out from <paramref name="from"/> on (scheduled or being sent) on any of
    /// <paramref name="platforms"/>, earliest first: each holds its time on those networks.
    /// </summary>
    public static async Task<List<ContentItem>> QueuedAsync(
        ITenantDb db, Guid? companyId, IReadOnlyCollection<SocialPlatform> platforms, DateTimeOffset from, bool tracked,
        CancellationToken cancellationToken)
    {
        var query = db.ContentItems.Where(c => c.CompanyId == companyId && c.ScheduledAt >= from &&
                                               (c.State == ContentState.Scheduled || c.State == ContentState.Publishing));
        var posts = await (tracked ? query : query.AsNoTracking()).OrderBy(c => c.ScheduledAt).ToListAsync(cancellationToken);
        return posts.Where(p => p.Variants.Any(v => platforms.Contains(v.Platform))).ToList();
    }

    /// <summary>The next <paramref name="count"/> posting times of the brand on the network, with the posts holding them and the posts at times of their own among them.</summary>
    public static async Task<QueueDto> QueueAsync(
        ITenantDb db, TimeZoneInfo zone, Guid? companyId, SocialPlatform platform, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slots = await SlotsAsync(db, companyId, [platform], cancellationToken);
        var posts = await QueuedAsync(db, companyId, [platform], now, tracked: false, cancellationToken);
        var times = PostingQueue.Occurrences(slots, zone, now).Take(count).ToList();
        var last = times.Count == count ? times[^1] : DateTimeOffset.MaxValue;

        var entries = times
            .Select(at => posts.FirstOrDefault(p => p.ScheduledAt == at) is { } post
                ? new QueueEntryDto(at, TenantTime.ToLocalText(at, zone), true, post.Id, post.Title)
                : new QueueEntryDto(at, TenantTime.ToLocalText(at, zone), true, null, null))
            .Concat(posts
                .Where(p => p.ScheduledAt <= last && !times.Contains(p.ScheduledAt!.Value))
                .Select(p => new QueueEntryDto(p.ScheduledAt!.Value, TenantTime.ToLocalText(p.ScheduledAt.Value, zone), false, p.Id, p.Title)))
            .OrderBy(e => e.At)
            .ToList();
        return new QueueDto(companyId, platform, zone.Id, entries);
    }
}
