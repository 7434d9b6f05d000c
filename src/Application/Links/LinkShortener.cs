using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Links;

/// <summary>
/// Shortens the links of one network's text of a post as it is published, when the post asks for it: each address gets
/// a short link of its own per network, whose target carries utm_source (the network), utm_medium (social),
/// utm_campaign (the post's campaign, else the brand's name) and utm_content (the post's id). A run that publishes the
/// same text again (a retry) reuses the links it made; the post's own text keeps the original addresses.
/// </summary>
public sealed class LinkShortener(ICatalogDb catalog, ITenantDb db, ITenantContext tenant, IOptions<LinkOptions> options, TimeProvider clock)
{
    public async Task<string> ShortenAsync(ContentItem item, ContentVariant variant, CancellationToken cancellationToken)
    {
        var prefix = options.Value.Prefix;
        var urls = LinkFinder.Find(variant.Text).Where(u => !u.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (urls.Count == 0)
        {
            return variant.Text;
        }

        var settings = await db.PostLinkSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContentItemId == item.Id, cancellationToken);
        if (settings is not { ShortenLinks: true })
        {
            return variant.Text;
        }

        var campaign = settings.Campaign ?? await DefaultCampaignAsync(db, item.CompanyId, cancellationToken);
        var tenantId = tenant.TenantId;
        var existing = await catalog.ShortLinks.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.ContentItemId == item.Id && l.Platform == variant.Platform)
            .ToListAsync(cancellationToken);
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var url in urls)
        {
            var link = existing.FirstOrDefault(l => l.OriginalUrl == url);
            if (link is null)
            {
                var target = UtmParameters.ToAscii(UtmParameters.Apply(url, variant.Platform.ToString().ToLowerInvariant(), campaign, item.Id.ToString()));
                if (target.Length > ShortLink.MaxUrlLength)
                {
                    // Too long with its parameters (rare): the address is linked as written, untracked.
                    continue;
                }

                link = ShortLink.Create(ShortLinkCodes.Generate(), tenantId, item.Id, variant.Platform, url, target, now);
                catalog.ShortLinks.Add(link);
            }

            replacements[url] = prefix + link.Code;
        }

        await catalog.SaveChangesAsync(cancellationToken);
        return LinkFinder.Replace(variant.Text, replacements);
    }

    /// <summary>The campaign of a post that names none: its brand's name, or "social" for a post without a brand.</summary>
    public static async Task<string> DefaultCampaignAsync(ITenantDb db, Guid? companyId, CancellationToken cancellationToken)
    {
        var name = companyId is { } id
            ? await db.Companies.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var slug = UtmParameters.Slug(name ?? "");
        return slug.Length > 0 ? slug : "social";
    }
}
