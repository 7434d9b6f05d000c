using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// Archives an asset: it stays searchable (labelled archived) but is no longer used to ground answers and drafts,
/// optionally naming the asset that supersedes it.
/// </summary>
public sealed record ArchiveAsset(Guid Id, Guid? SupersededBy) : ICommand<AssetDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class ArchiveAssetValidator : AbstractValidator<ArchiveAsset>
{
    public ArchiveAssetValidator()
    {
        RuleFor(x => x.SupersededBy).NotEqual(x => x.Id).When(x => x.SupersededBy is not null).WithMessage("An asset cannot supersede itself.");
    }
}

public sealed class ArchiveAssetHandler(ITenantDb db, IFileStorage storage, TimeProvider clock) : ICommandHandler<ArchiveAsset, AssetDto>
{
    public async ValueTask<AssetDto> Handle(ArchiveAsset command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", command.Id);
        if (command.SupersededBy is { } successor && !await db.Assets.AnyAsync(a => a.Id == successor, cancellationToken))
        {
            throw new NotFoundException("Asset", successor);
        }

        asset.Archive(command.SupersededBy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(storage);
    }
}
