using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using BrandAutomator.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>
/// The reviewer's side: opens a link by its secret (unknown, revoked and expired links all look the same: not found)
/// and shows its posts with nothing of the workspace beyond them.
/// </summary>
internal static class SharedReviewReader
{
    /// <summary>The open link for <paramref name="token"/>, with the scope's tenant set to the link's.</summary>
    public static async Task<ReviewLink> OpenAsync(
        ICatalogDb catalog, ITenantContext tenant, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ReviewLinkTokens.LooksLikeToken(token))
        {
            throw new NotFoundException("Review link");
        }

        var hash = ReviewLinkTokens.Hash(token);
        var link = await catalog.ReviewLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !link.IsOpen(now) ||
            !await catalog.Tenants.AsNoTracking().AnyAsync(t => t.Id == link.TenantId && t.State == TenantState.Ready, cancellationToken))
        {
            throw new NotFoundException("Review link");
        }

        tenant.Use(link.TenantId);
        return link;
    }

    /// <summary>The link's posts still to be seen (not deleted, not cancelled), by their planned time.</summary>
    public static async Task<List<SharedPostDto>> PostsAsync(
        ITenantDb db, IFileStorage storage, ReviewLink link, IReadOnlyCollection<Guid> postIds, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        var ids = postIds.Where(link.Shares).ToList();
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.State != ContentState.Cancelled)
            .OrderBy(c => c.ScheduledAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var mediaIds = items.SelectMany(i => i.Variants).SelectMany(v => v.MediaAssetIds).Distinct().ToList();
        var media = mediaIds.Count == 0
            ? []
            : await db.Assets.AsNoTracking().Where(a => mediaIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.LinkId == link.Id && ids.Contains(d.ContentItemId))
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        return items.Select(item => new SharedPostDto(
                item.Id, item.Title, item.ScheduledAt is { } at ? TenantTime.ToLocalText(at, zone) : null,
                item.Variants.Select(v => new SharedVariantDto(v.Platform, v.Text,
                    v.MediaAssetIds.Where(media.ContainsKey).Select(id => Media(storage, media[id])).ToList())).ToList(),
                decisions.Where(d => d.ContentItemId == item.Id).Select(ReviewLinkReader.ToDto).FirstOrDefault()))
            .ToList();
    }

    private static SharedMediaDto Media(IFileStorage storage, BrandAsset asset)
    {
        var key = asset.Type == AssetType.Image ? asset.ThumbnailLargeKey ?? asset.StorageKey : asset.StorageKey;
        return new SharedMediaDto(storage.CreateSignedUrl(key, storage.DefaultLinkLifetime, LinkAudience.Browser),
            asset.AltText ?? "", asset.Type == AssetType.Video);
    }
}
