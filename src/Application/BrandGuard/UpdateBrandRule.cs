using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>Changes a rule or switches it off; a rule read from the documents then stays as the team left it.</summary>
public sealed record UpdateBrandRule(Guid Id, string Term, string? Suggestion, int? Limit, bool Enabled) : ICommand<BrandRuleDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateBrandRuleValidator : AbstractValidator<UpdateBrandRule>
{
    public UpdateBrandRuleValidator()
    {
        RuleFor(x => x.Term).NotEmpty().WithMessage("Give the rule's text.").MaximumLength(BrandRule.MaxToneLength);
        RuleFor(x => x.Suggestion).MaximumLength(BrandRule.MaxTermLength);
        RuleFor(x => x.Limit).InclusiveBetween(0, 30).When(x => x.Limit is not null).WithMessage("Give a number of hashtags from 0 to 30.");
    }
}

public sealed class UpdateBrandRuleHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<UpdateBrandRule, BrandRuleDto>
{
    public async ValueTask<BrandRuleDto> Handle(UpdateBrandRule command, CancellationToken cancellationToken)
    {
        var rule = await db.BrandRules.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Rule", command.Id);
        rule.Edit(command.Term, command.Suggestion, rule.Kind == BrandRuleKind.HashtagLimit ? command.Limit ?? rule.Limit : null, command.Enabled,
            clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return BrandRuleDto.From(rule);
    }
}
