using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Links;

/// <summary>A post's link settings and its short links with their clicks (the post dialog shows them).</summary>
public sealed record GetPostLinks(Guid ContentItemId) : IQuery<PostLinksDto>;

public sealed class GetPostLinksHandler(ITenantDb db, ICatalogDb catalog, ITenantContext tenant, IOptions<LinkOptions> options)
    : IQueryHandler<GetPostLinks, PostLinksDto>
{
    public async ValueTask<PostLinksDto> Handle(GetPostLinks query, CancellationToken cancellationToken) =>
        await PostLinksReader.ReadAsync(db, catalog, tenant.TenantId, options.Value.Prefix, query.ContentItemId, cancellationToken);
}
