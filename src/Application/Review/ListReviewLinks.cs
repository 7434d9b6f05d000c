using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>The workspace's review links, newest first, each with its posts and the reviewers' decisions on them.</summary>
public sealed record ListReviewLinks : IQuery<IReadOnlyList<ReviewLinkDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class ListReviewLinksHandler(ICatalogDb catalog, ITenantDb db, ICurrentUser currentUser, TenantTime time, TimeProvider clock)
    : IQueryHandler<ListReviewLinks, IReadOnlyList<ReviewLinkDto>>
{
    public async ValueTask<IReadOnlyList<ReviewLinkDto>> Handle(ListReviewLinks query, CancellationToken cancellationToken)
    {
        var links = await catalog.ReviewLinks.AsNoTracking()
            .Where(l => l.TenantId == currentUser.TenantId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var zone = await time.ZoneAsync(cancellationToken);
        return await ReviewLinkReader.ToDtosAsync(db, links, zone, clock.GetUtcNow(), cancellationToken);
    }
}
