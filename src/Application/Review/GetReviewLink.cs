using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>One review link with its posts and every decision the reviewers made on them.</summary>
public sealed record GetReviewLink(Guid Id) : IQuery<ReviewLinkDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class GetReviewLinkHandler(ICatalogDb catalog, ITenantDb db, ICurrentUser currentUser, TenantTime time, TimeProvider clock)
    : IQueryHandler<GetReviewLink, ReviewLinkDto>
{
    public async ValueTask<ReviewLinkDto> Handle(GetReviewLink query, CancellationToken cancellationToken)
    {
        var link = await catalog.ReviewLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == query.Id && l.TenantId == currentUser.TenantId, cancellationToken)
            ?? throw new NotFoundException("Review link", query.Id);
        var zone = await time.ZoneAsync(cancellationToken);
        return (await ReviewLinkReader.ToDtosAsync(db, [link], zone, clock.GetUtcNow(), cancellationToken))[0];
    }
}
