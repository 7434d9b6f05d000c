using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record ListSocialProfileKits(Guid? CompanyId) : IQuery<IReadOnlyList<SocialProfileKitDto>>;

public sealed class ListSocialProfileKitsHandler(ITenantDb db, ProfileKitReader reader) : IQueryHandler<ListSocialProfileKits, IReadOnlyList<SocialProfileKitDto>>
{
    public async ValueTask<IReadOnlyList<SocialProfileKitDto>> Handle(ListSocialProfileKits query, CancellationToken cancellationToken)
    {
        var kits = db.SocialProfileKits.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            kits = kits.Where(k => k.CompanyId == companyId);
        }

        return await reader.ToDtosAsync(await kits.OrderBy(k => k.CompanyId).ThenBy(k => k.Platform).ToListAsync(cancellationToken), cancellationToken);
    }
}
