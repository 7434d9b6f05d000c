using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>Makes an archived asset current again: it grounds answers and drafts once more.</summary>
public sealed record RestoreAsset(Guid Id) : ICommand<AssetDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class RestoreAssetHandler(ITenantDb db, IFileStorage storage, TimeProvider clock) : ICommandHandler<RestoreAsset, AssetDto>
{
    public async ValueTask<AssetDto> Handle(RestoreAsset command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", command.Id);
        asset.Restore(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(storage);
    }
}
