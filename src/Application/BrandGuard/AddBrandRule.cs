using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>
/// A rule the team adds by hand, for one brand (<paramref name="CompanyId"/>) or, without one, for every brand of the
/// workspace: it is theirs, and re-reading the documents never changes it.
/// </summary>
public sealed record AddBrandRule(BrandRuleKind Kind, string Term, string? Suggestion, SocialPlatform? Platform, int? Limit, Guid? CompanyId = null)
    : ICommand<BrandRuleDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class AddBrandRuleValidator : AbstractValidator<AddBrandRule>
{
    public AddBrandRuleValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Term).NotEmpty().WithMessage("Give the rule's text.")
            .Must((x, t) => t is null || t.Length <= (x.Kind == BrandRuleKind.Tone ? BrandRule.MaxToneLength : BrandRule.MaxTermLength))
            .WithMessage($"A rule has at most {BrandRule.MaxTermLength} characters ({BrandRule.MaxToneLength} for a tone description).");
        RuleFor(x => x.Suggestion).MaximumLength(BrandRule.MaxTermLength);
        RuleFor(x => x.Term).Must(t => t is null || t.Trim().StartsWith('#')).When(x => x.Kind == BrandRuleKind.Hashtag)
            .WithMessage("A hashtag starts with #.");
        RuleFor(x => x.Platform).NotNull().IsInEnum().When(x => x.Kind == BrandRuleKind.HashtagLimit).WithMessage("Name the network.");
        RuleFor(x => x.Limit).NotNull().InclusiveBetween(0, 30).When(x => x.Kind == BrandRuleKind.HashtagLimit)
            .WithMessage("Give a number of hashtags from 0 to 30.");
    }
}

public sealed class AddBrandRuleHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<AddBrandRule, BrandRuleDto>
{
    public async ValueTask<BrandRuleDto> Handle(AddBrandRule command, CancellationToken cancellationToken)
    {
        if (command.CompanyId is { } company && !await db.Companies.AnyAsync(c => c.Id == company, cancellationToken))
        {
            throw new NotFoundException("Company", company);
        }

        var rule = BrandRule.ByTeam(command.Kind, command.Term, command.Suggestion,
            command.Kind == BrandRuleKind.HashtagLimit ? command.Platform : null, command.Kind == BrandRuleKind.HashtagLimit ? command.Limit : null,
            clock.GetUtcNow(), command.CompanyId);
        db.BrandRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return BrandRuleDto.From(rule);
    }
}
