using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>
/// Renames, retags, describes (alt text) and/or moves an asset to one brand (<paramref name="CompanyId"/>) or to every
/// brand of the workspace (<paramref name="EveryBrand"/>): a brand's documents guard and ground that brand's posts alone.
/// </summary>
public sealed record UpdateAsset(
    Guid Id, string? Name, IReadOnlyList<string>? Tags, string? AltText = null, Guid? CompanyId = null, bool? EveryBrand = null)
    : ICommand<AssetDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateAssetValidator : AbstractValidator<UpdateAsset>
{
    public UpdateAssetValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(BrandAsset.MaxNameLength).When(x => x.Name is not null);
        RuleFor(x => x.Tags).Must(t => t is null || t.Count <= BrandAsset.MaxTags).WithMessage($"Up to {BrandAsset.MaxTags} tags.");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(40);
        RuleFor(x => x.CompanyId).Null().When(x => x.EveryBrand == true).WithMessage("Choose one brand or every brand, not both.");
        RuleFor(x => x.AltText).MaximumLength(BrandAsset.MaxAltTextLength)
            .WithMessage($"A description has at most {BrandAsset.MaxAltTextLength:N0} characters.");
    }
}

public sealed class UpdateAssetHandler(ITenantDb db, IFileStorage storage, TimeProvider clock) : ICommandHandler<UpdateAsset, AssetDto>
{
    public async ValueTask<AssetDto> Handle(UpdateAsset command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", command.Id);
        if (command.Name is not null)
        {
            asset.Rename(FileNames.Sanitize(command.Name), clock.GetUtcNow());
        }

        if (command.Tags is not null)
        {
            asset.Tag(command.Tags, clock.GetUtcNow());
        }

        if (command.CompanyId is { } company)
        {
            if (!await db.Companies.AnyAsync(c => c.Id == company, cancellationToken))
            {
                throw new NotFoundException("Company", company);
            }

            asset.AssignTo(company, clock.GetUtcNow());
        }
        else if (command.EveryBrand == true)
        {
            asset.AssignTo(null, clock.GetUtcNow());
        }

        if (command.AltText is not null)
        {
            asset.Describe(command.AltText, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(storage);
    }
}
