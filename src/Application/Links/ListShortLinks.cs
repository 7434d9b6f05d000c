using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Links;

/// <summary>The workspace's short links with their clicks, newest first, optionally those made since a time (for analytics).</summary>
public sealed record ListShortLinks(DateTimeOffset? Since, int Limit) : IQuery<ShortLinkListDto>
{
    public const int MaxLimit = 500;
}

public sealed class ListShortLinksHandler(ICatalogDb catalog, ITenantContext tenant, IOptions<LinkOptions> options)
    : IQueryHandler<ListShortLinks, ShortLinkListDto>
{
    public async ValueTask<ShortLinkListDto> Handle(ListShortLinks query, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId;
        var links = catalog.ShortLinks.AsNoTracking().Where(l => l.TenantId == tenantId);
        if (query.Since is { } since)
        {
            links = links.Where(l => l.CreatedAt >= since);
        }

        var total = await links.SumAsync(l => l.Clicks, cancellationToken);
        var items = await links.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Code)
            .Take(Math.Clamp(query.Limit, 1, ListShortLinks.MaxLimit)).ToListAsync(cancellationToken);
        var prefix = options.Value.Prefix;
        return new ShortLinkListDto(total, items.Select(l => ShortLinkDto.From(l, prefix)).ToList());
    }
}
