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
        // Bounds for what a draft may keep; each network's own limits are checked when the post is scheduled.
        RuleFor(x => x.Options!.Title).MaximumLength(1_000).When(x => x.Options is not null);
        RuleFor(x => x.Options!.BoardId).MaximumLength(PostOptions.MaxBoardIdLength).When(x => x.Options is not null);
        RuleFor(x => x.Options!.Link).MaximumLength(PostOptions.MaxLinkLength).When(x => x.Options is not null);
        RuleFor(x => x.Options!.Privacy).MaximumLength(40).When(x => x.Options is not null);
        RuleFor(x => x.Options!.Tags).Must(t => t is null || (t.Count <= PostOptions.MaxTags && t.All(tag => tag is { Length: <= 100 })))
            .WithMessage($"At most {PostOptions.MaxTags} tags of up to 100 characters each.").When(x => x.Options is not null);
        RuleFor(x => x.Options!.FirstComment).MaximumLength(10_000).When(x => x.Options is not null);
        RuleFor(x => x.Options!.Thread).Must(t => t is null || (t.Count <= 100 && t.All(part => part is null || part.Length <= 10_000)))
            .WithMessage("A thread keeps at most 100 parts of up to 10,000 characters each as a draft.").When(x => x.Options is not null);
    }
}
