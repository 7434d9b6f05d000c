using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>Deletes an asset, its passages and its stored objects (original and thumbnails).</summary>
public sealed record DeleteAsset(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class DeleteAssetHandler(ITenantDb db, IFileStorage storage) : ICommandHandler<DeleteAsset>
{
    public async ValueTask<Unit> Handle(DeleteAsset command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", command.Id);
        var keys = new[] { asset.StorageKey, asset.ThumbnailSmallKey, asset.ThumbnailLargeKey }.OfType<string>().ToList();
        foreach (var company in await db.Companies.Where(c => c.LogoAssetId == asset.Id).ToListAsync(cancellationToken))
        {
            company.ForgetLogo(asset.Id);
        }

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        // After the row is gone: a failure here leaves an orphan object, never a row pointing at nothing.
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, cancellationToken);
        }

        return Unit.Value;
    }
}
