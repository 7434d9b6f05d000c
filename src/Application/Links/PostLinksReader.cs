using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Links;

/// <summary>Reads a post's link settings and short links (in the catalog, by the tenant's id) into one answer.</summary>
internal static class PostLinksReader
{
    public static async Task<PostLinksDto> ReadAsync(
        ITenantDb db, ICatalogDb catalog, Guid tenantId, string prefix, Guid contentItemId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().Where(c => c.Id == contentItemId).Select(c => new { c.Id, c.CompanyId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Post", contentItemId);
        var settings = await db.PostLinkSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContentItemId == item.Id, cancellationToken);
        var links = await catalog.ShortLinks.AsNoTracking().Where(l => l.TenantId == tenantId && l.ContentItemId == item.Id)
            .OrderBy(l => l.Platform).ThenBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        return new PostLinksDto(
            item.Id, settings?.ShortenLinks ?? false, settings?.Campaign,
            await LinkShortener.DefaultCampaignAsync(db, item.CompanyId, cancellationToken),
            links.Sum(l => l.Clicks), links.Select(l => ShortLinkDto.From(l, prefix)).ToList());
    }
}
