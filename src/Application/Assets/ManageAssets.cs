using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Assets;

/// <summary>The tenant's assets, newest first, optionally of one type or with a tag, a page at a time.</summary>
public sealed record ListAssets(AssetType? Type, string? Tag, int Page = 1, int PageSize = 24) : IQuery<AssetPage>;

public sealed class ListAssetsValidator : AbstractValidator<ListAssets>
{
    public ListAssetsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class ListAssetsHandler(ITenantDb db, IFileStorage storage) : IQueryHandler<ListAssets, AssetPage>
{
    public async ValueTask<AssetPage> Handle(ListAssets query, CancellationToken cancellationToken)
    {
        var assets = db.Assets.AsNoTracking();
        if (query.Type is { } type)
        {
            assets = assets.Where(a => a.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            assets = assets.Where(a => EF.Property<List<string>>(a, "_tags").Contains(tag));
        }

        var total = await assets.CountAsync(cancellationToken);
        var page = await assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new AssetPage(page.Select(a => a.ToDto(storage)).ToList(), query.Page, query.PageSize, total);
    }
}

public sealed record GetAsset(Guid Id) : IQuery<AssetDto>;

public sealed class GetAssetHandler(ITenantDb db, IFileStorage storage) : IQueryHandler<GetAsset, AssetDto>
{
    public async ValueTask<AssetDto> Handle(GetAsset query, CancellationToken cancellationToken) =>
        (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Asset", query.Id)).ToDto(storage);
}

/// <summary>Renames, retags and/or describes (alt text) an asset.</summary>
public sealed record UpdateAsset(Guid Id, string? Name, IReadOnlyList<string>? Tags, string? AltText = null) : ICommand<AssetDto>, IRequireRole
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

        if (command.AltText is not null)
        {
            asset.Describe(command.AltText, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(storage);
    }
}

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

/// <summary>Full-text search over the tenant's files: ranked passages with highlighted snippets.</summary>
public sealed record SearchFiles(string Q, int Limit = 10) : IQuery<IReadOnlyList<FileSearchHit>>;

public sealed class SearchFilesValidator : AbstractValidator<SearchFiles>
{
    public SearchFilesValidator()
    {
        RuleFor(x => x.Q).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Limit).InclusiveBetween(1, 100);
    }
}

public sealed class SearchFilesHandler(IAssetSearch search) : IQueryHandler<SearchFiles, IReadOnlyList<FileSearchHit>>
{
    public async ValueTask<IReadOnlyList<FileSearchHit>> Handle(SearchFiles query, CancellationToken cancellationToken) =>
        await search.SearchAsync(query.Q.Trim(), query.Limit, cancellationToken);
}
