using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
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
