using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record ListSocialConnections : IQuery<IReadOnlyList<SocialConnectionDto>>;

public sealed class ListSocialConnectionsHandler(ITenantDb db, TimeProvider clock) : IQueryHandler<ListSocialConnections, IReadOnlyList<SocialConnectionDto>>
{
    public async ValueTask<IReadOnlyList<SocialConnectionDto>> Handle(ListSocialConnections query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await db.SocialConnections.AsNoTracking().OrderBy(c => c.Platform).ThenBy(c => c.CreatedAt).ToListAsync(cancellationToken))
            .Select(c => SocialConnectionDto.From(c, now)).ToList();
    }
}
