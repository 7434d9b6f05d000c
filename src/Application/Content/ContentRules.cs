using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Content;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

/// <summary>The rules of one variant as sent; the network's own limits are checked when the post is scheduled.</summary>
public sealed class ContentVariantValidator : AbstractValidator<ContentVariantDto>
{
    public ContentVariantValidator()
    {
        RuleFor(x => x.Platform).IsInEnum();
        RuleFor(x => x.Text).NotNull().MaximumLength(100_000);
        RuleFor(x => x.MediaAssetIds).Must(m => m is null || m.Count <= ContentItem.MaxMediaPerVariant)
            .WithMessage($"At most {ContentItem.MaxMediaPerVariant} media per post.");
    }
}

/// <summary>What create and update share: input rules for variants, and look-ups that keep ids inside the tenant.</summary>
internal static class ContentRules
{
    public static List<ContentVariant> ToDomain(IReadOnlyList<ContentVariantDto>? variants) =>
        (variants ?? []).Select(v => new ContentVariant(v.Platform, v.Text ?? "", v.MediaAssetIds ?? [])).ToList();

    /// <summary>The company must be one of the tenant's own: another tenant's id is answered as not found.</summary>
    public static async Task EnsureCompanyAsync(ITenantDb db, Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is { } id && !await db.Companies.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("Company", id);
        }
    }

    /// <summary>The types of the media the variants use; an id that is not one of the tenant's assets is refused on its field.</summary>
    public static async Task<Dictionary<Guid, AssetType>> AssetTypesAsync(
        ITenantDb db, IReadOnlyList<ContentVariant> variants, CancellationToken cancellationToken, string fieldPrefix = "")
    {
        var ids = variants.SelectMany(v => v.MediaAssetIds).Distinct().ToList();
        var types = ids.Count == 0
            ? []
            : await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, cancellationToken);
        for (var i = 0; i < variants.Count; i++)
        {
            var missing = variants[i].MediaAssetIds.FirstOrDefault(id => !types.ContainsKey(id));
            if (missing != Guid.Empty)
            {
                throw InputValidationException.For($"{fieldPrefix}variants[{i}].mediaAssetIds", $"Asset '{missing}' is not one of your files.");
            }
        }

        return types;
    }

    public static async Task<bool> ApprovalRequiredAsync(ITenantDb db, CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().Select(s => s.ApprovalRequired).SingleOrDefaultAsync(cancellationToken);

    public static async Task<ContentItem> LoadAsync(ITenantDb db, Guid id, CancellationToken cancellationToken) =>
        await db.ContentItems.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Post", id);

    public static async Task<ContentItemDto> ToDtoAsync(ITenantDb db, ContentItem item, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var attempts = await db.PublishAttempts.AsNoTracking().Where(a => a.ContentItemId == item.Id).ToListAsync(cancellationToken);
        var connections = await db.SocialConnections.AsNoTracking().ToListAsync(cancellationToken);
        return ContentItemDto.From(item, zone, attempts, connections, TimeProvider.System.GetUtcNow());
    }
}
