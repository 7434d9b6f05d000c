using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

public sealed record GetAsset(Guid Id) : IQuery<AssetDto>;

public sealed class GetAssetHandler(ITenantDb db, IFileStorage storage) : IQueryHandler<GetAsset, AssetDto>
{
    public async ValueTask<AssetDto> Handle(GetAsset query, CancellationToken cancellationToken) =>
        (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", query.Id)).ToDto(storage);
}
