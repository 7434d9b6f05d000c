using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// Checks a post's network texts against its brand's rules and documents (and the workspace-wide ones); nothing is stored.
/// As the user types the check is offline and answers at once; <paramref name="UseAi"/> (the composer's "Check with AI")
/// has the configured model review the findings, counted against the plan's AI requests.
/// </summary>
public sealed record CheckPost(IReadOnlyList<CheckVariantDto> Variants, bool Tone, Guid? CompanyId = null, bool UseAi = false) : IQuery<BrandCheckDto>;

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

public sealed class CheckPostHandler(ITenantDb db, BrandGuardService guard) : IQueryHandler<CheckPost, BrandCheckDto>
{
    public async ValueTask<BrandCheckDto> Handle(CheckPost query, CancellationToken cancellationToken)
    {
        if (query.CompanyId is { } company && !await db.Companies.AnyAsync(c => c.Id == company, cancellationToken))
        {
            throw new NotFoundException("Company", company);
        }

        return await guard.CheckAsync(query.CompanyId, query.Variants, query.Tone, query.UseAi, cancellationToken);
    }
}
