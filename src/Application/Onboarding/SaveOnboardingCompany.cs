using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Assets;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Onboarding;

/// <summary>Step 1: company basics.</summary>
public sealed record CompanyBasics(string Name, string? Description, string? Industry, string? Website);

/// <summary>Step 2: audience and core problem.</summary>
public sealed record AudienceStep(string TargetAudience, string CoreProblem);

/// <summary>Step 3: brand voice.</summary>
public sealed record VoiceStep(string BrandVoice);

/// <summary>Step 4: vision, mission, values and positioning.</summary>
public sealed record StrategyStep(string Vision, string Mission, IReadOnlyList<BrandValueDto> Values, string PositioningStatement);

/// <summary>Step 5: the assets step's choices: the logo among the uploads, and the colours.</summary>
public sealed record IdentityStep(Guid? LogoAssetId, IReadOnlyList<string>? BrandColours);

/// <summary>
/// Saves any of the wizard's steps for the tenant's onboarding company: each step given is validated on its own and
/// marked done. <see cref="Create"/> starts the company from step 1; otherwise the company must exist.
/// </summary>
public sealed record SaveOnboardingCompany(
    bool Create, CompanyBasics? Basics, AudienceStep? Audience, VoiceStep? Voice, StrategyStep? Strategy, IdentityStep? Identity)
    : ICommand<OnboardingProgressDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class SaveOnboardingCompanyValidator : AbstractValidator<SaveOnboardingCompany>
{
    public SaveOnboardingCompanyValidator()
    {
        RuleFor(x => x.Basics).NotNull().When(x => x.Create).WithMessage("Step 1 (company basics) starts the company.");
        RuleFor(x => x)
            .Must(x => x.Basics is not null || x.Audience is not null || x.Voice is not null || x.Strategy is not null || x.Identity is not null)
            .WithName("body").WithMessage("Send at least one step.");

        RuleFor(x => x.Basics!).ChildRules(step =>
        {
            step.RuleFor(s => s.Name).NotEmpty().MaximumLength(Company.MaxNameLength);
            step.RuleFor(s => s.Description).MaximumLength(Company.MaxDescriptionLength);
            step.RuleFor(s => s.Industry).MaximumLength(Company.MaxIndustryLength);
            step.RuleFor(s => s.Website)
                .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                .WithMessage("Enter a full web address starting with https://.");
        }).When(x => x.Basics is not null);

        RuleFor(x => x.Audience!).ChildRules(step =>
        {
            step.RuleFor(s => s.TargetAudience).NotEmpty().MaximumLength(Company.MaxTextLength);
            step.RuleFor(s => s.CoreProblem).NotEmpty().MaximumLength(Company.MaxTextLength);
        }).When(x => x.Audience is not null);

        RuleFor(x => x.Voice!).ChildRules(step =>
            step.RuleFor(s => s.BrandVoice).NotEmpty().MaximumLength(Company.MaxTextLength)).When(x => x.Voice is not null);

        RuleFor(x => x.Strategy!).ChildRules(step =>
        {
            step.RuleFor(s => s.Vision).NotEmpty().MaximumLength(Company.MaxTextLength);
            step.RuleFor(s => s.Mission).NotEmpty().MaximumLength(Company.MaxTextLength);
            step.RuleFor(s => s.PositioningStatement).NotEmpty().MaximumLength(Company.MaxTextLength);
            step.RuleFor(s => s.Values).NotEmpty().WithMessage("Give at least one value.")
                .Must(v => v is null || v.Count <= Company.MaxValues).WithMessage($"Give at most {Company.MaxValues} values.");
            step.RuleForEach(s => s.Values).ChildRules(value =>
            {
                value.RuleFor(v => v.Name).NotEmpty().MaximumLength(60);
                value.RuleFor(v => v.Description).NotEmpty().MaximumLength(500);
            });
        }).When(x => x.Strategy is not null);

        RuleFor(x => x.Identity!).ChildRules(step =>
        {
            step.RuleFor(s => s.BrandColours).Must(c => c is null || c.Count <= Company.MaxColours)
                .WithMessage($"Give at most {Company.MaxColours} colours.");
            step.RuleForEach(s => s.BrandColours).Matches("^#[0-9A-Fa-f]{6}$").WithMessage("Colours are written #RRGGBB.");
        }).When(x => x.Identity is not null);
    }
}

public sealed class SaveOnboardingCompanyHandler(ITenantDb db, Billing.PlanEntitlements entitlements, TimeProvider clock)
    : ICommandHandler<SaveOnboardingCompany, OnboardingProgressDto>
{
    public async ValueTask<OnboardingProgressDto> Handle(SaveOnboardingCompany command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // In the command's transaction: a new company is counted against the plan under the tenant's brand lock.
        var progress = await db.OnboardingProgress.SingleOrDefaultAsync(cancellationToken);
        if (progress is null)
        {
            progress = OnboardingProgress.Start(now);
            db.OnboardingProgress.Add(progress);
        }

        Company company;
        if (command.Create)
        {
            if (progress.CompanyId is not null)
            {
                throw new ConflictException("Onboarding already has its company: update it with PUT /api/v1/onboarding/company.");
            }

            await entitlements.EnsureCanAddBrandAsync(cancellationToken);
            var basics = command.Basics!;
            company = Company.Create(basics.Name, basics.Description, basics.Industry, basics.Website, now);
            db.Companies.Add(company);
            progress.AttachCompany(company.Id);
        }
        else
        {
            company = progress.CompanyId is { } id
                ? await db.Companies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Company", id)
                : throw new NotFoundException("Onboarding company");
            if (command.Basics is { } basics)
            {
                company.Update(basics.Name, basics.Description, basics.Industry, basics.Website, now);
            }
        }

        if (command.Basics is not null)
        {
            progress.Complete(1, now);
        }

        if (command.Audience is { } audience)
        {
            company.DescribeAudience(audience.TargetAudience, audience.CoreProblem, now);
            progress.Complete(2, now);
        }

        if (command.Voice is { } voice)
        {
            company.DefineVoice(voice.BrandVoice, now);
            progress.Complete(3, now);
        }

        if (command.Strategy is { } strategy)
        {
            company.DefineStrategy(strategy.Vision, strategy.Mission,
                strategy.Values.Select(v => new BrandValue(v.Name, v.Description)).ToList(), strategy.PositioningStatement, now);
            progress.Complete(4, now);
        }

        if (command.Identity is { } identity)
        {
            if (identity.LogoAssetId is { } logo &&
                !await db.Assets.AnyAsync(a => a.Id == logo && a.Type == AssetType.Image, cancellationToken))
            {
                throw InputValidationException.For("identity.logoAssetId", "Choose the logo among your uploaded images.");
            }

            company.SetIdentity(identity.LogoAssetId, identity.BrandColours ?? [], now);
            progress.Complete(5, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await OnboardingProgressReader.ReadAsync(db, cancellationToken);
    }
}
