using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>
/// What a client sees through a review link, without an account: the shared posts with a preview per network and the
/// latest decision on each. Unknown, revoked and expired links are all "not found".
/// </summary>
public sealed record GetSharedReview(string Token) : IQuery<SharedReviewDto>;

public sealed class GetSharedReviewHandler(
    ICatalogDb catalog, ITenantContext tenant, ITenantDb db, TenantTime time, IFileStorage storage, TimeProvider clock)
    : IQueryHandler<GetSharedReview, SharedReviewDto>
{
    public async ValueTask<SharedReviewDto> Handle(GetSharedReview query, CancellationToken cancellationToken)
    {
        var link = await SharedReviewReader.OpenAsync(catalog, tenant, query.Token, clock.GetUtcNow(), cancellationToken);
        var workspace = await catalog.Tenants.AsNoTracking().Where(t => t.Id == link.TenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        var brand = link.CompanyId is { } companyId
            ? await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var zone = await time.ZoneAsync(cancellationToken);
        var posts = await SharedReviewReader.PostsAsync(db, storage, link, link.PostIds, zone, cancellationToken);
        return new SharedReviewDto(link.Name, workspace, brand, link.ExpiresAt, zone.Id, posts);
    }
}
