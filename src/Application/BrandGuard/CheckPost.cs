using BrandAutomator.Domain.Content;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>Checks a post's network texts against the brand's rules and documents, as the user types; nothing is stored.</summary>
public sealed record CheckPost(IReadOnlyList<CheckVariantDto> Variants, bool Tone) : IQuery<BrandCheckDto>;

public sealed class CheckPostValidator : AbstractValidator<CheckPost>
{
    public const int MaxText = 5000;

    public CheckPostValidator()
    {
        RuleFor(x => x.Variants).NotEmpty().WithMessage("Give at least one network's text.")
            .Must(v => v is null || v.Count <= ContentItem.MaxVariants).WithMessage($"At most {ContentItem.MaxVariants} variants, one per network.")
            .Must(v => v is null || v.Select(x => x.Platform).Distinct().Count() == v.Count).WithMessage("Each network once.");
        RuleForEach(x => x.Variants).ChildRules(v =>
        {
            v.RuleFor(x => x.Platform).IsInEnum();
            v.RuleFor(x => x.Text).NotNull().MaximumLength(MaxText).WithMessage($"A text has at most {MaxText} characters.");
        });
    }
}

public sealed class CheckPostHandler(BrandGuardService guard) : IQueryHandler<CheckPost, BrandCheckDto>
{
    public async ValueTask<BrandCheckDto> Handle(CheckPost query, CancellationToken cancellationToken) =>
        await guard.CheckAsync(query.Variants, query.Tone, cancellationToken);
}
