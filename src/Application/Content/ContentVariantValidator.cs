using BrandAutomator.Domain.Content;
using FluentValidation;

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
