using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>The reads the content use cases share, each keeping ids inside the tenant: a post, its media types, the approval setting, a post as shown.</summary>
internal static class ContentReader
{
    /// <summary>
    /// The types of the media the variants use; an id that is not one of the tenant's assets, or media the variant's
    /// network cannot take (<see cref="PostMediaSpecs"/>: format, size, length, how many), is refused on its field.
    /// </summary>
    public static async Task<Dictionary<Guid, AssetType>> AssetTypesAsync(
        ITenantDb db, IReadOnlyList<ContentVariant> variants, CancellationToken cancellationToken, string fieldPrefix = "")
    {
        var ids = variants.SelectMany(v => v.MediaAssetIds).Distinct().ToList();
        var assets = ids.Count == 0
            ? []
            : await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Type, Medium = new PostMedium(a.Type == AssetType.Video, a.MediaType, a.SizeBytes, a.DurationSeconds, a.Width, a.Height) })
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        for (var i = 0; i < variants.Count; i++)
        {
            // Guid? so that an empty id is refused too, not taken for "none missing".
            if (variants[i].MediaAssetIds.Where(id => !assets.ContainsKey(id)).Select(id => (Guid?)id).FirstOrDefault() is { } missing)
            {
                throw InputValidationException.For($"{fieldPrefix}variants[{i}].mediaAssetIds", $"Asset '{missing}' is not one of your files.");
            }

            var media = variants[i].MediaAssetIds.Select(id => assets[id]).Where(a => a.Type is AssetType.Image or AssetType.Video).Select(a => a.Medium).ToList();
            if (PostMediaSpecs.Problem(variants[i].Platform, media) is { } problem)
            {
                throw InputValidationException.For($"{fieldPrefix}variants[{i}].mediaAssetIds", problem);
            }
        }

        return assets.ToDictionary(a => a.Key, a => a.Value.Type);
    }

    public static async Task<bool> ApprovalRequiredAsync(ITenantDb db, CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().Select(s => s.ApprovalRequired).SingleOrDefaultAsync(cancellationToken);

    public static async Task<bool> AdminsMayApproveOwnPostsAsync(ITenantDb db, CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().Select(s => s.AdminsMayApproveOwnPosts).SingleOrDefaultAsync(cancellationToken);

    public static async Task<ContentItem> LoadAsync(ITenantDb db, Guid id, CancellationToken cancellationToken) =>
        await db.ContentItems.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Post", id);

    /// <summary>The post with its latest outcome per network and, as of <paramref name="now"/>, its connection warnings.</summary>
    public static async Task<ContentItemDto> ToDtoAsync(
        ITenantDb db, ContentItem item, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = await db.PublishAttempts.AsNoTracking().Where(a => a.ContentItemId == item.Id).ToListAsync(cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        return ContentItemDto.From(item, zone, attempts, connections, now);
    }
}
