using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record GetSocialProfileKit(Guid Id) : IQuery<SocialProfileKitDto>;

public sealed class GetSocialProfileKitHandler(ITenantDb db, ProfileKitReader reader) : IQueryHandler<GetSocialProfileKit, SocialProfileKitDto>
{
    public async ValueTask<SocialProfileKitDto> Handle(GetSocialProfileKit query, CancellationToken cancellationToken)
    {
        var kit = await db.SocialProfileKits.AsNoTracking().SingleOrDefaultAsync(k => k.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Profile kit", query.Id);
        return (await reader.ToDtosAsync([kit], cancellationToken))[0];
    }
}
