using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Onboarding;

/// <summary>Where the wizard stands, with the company as filled in so far: the wizard resumes from it.</summary>
public sealed record GetOnboardingProgress : IQuery<OnboardingProgressDto>;

public sealed class GetOnboardingProgressHandler(ITenantDb db) : IQueryHandler<GetOnboardingProgress, OnboardingProgressDto>
{
    public async ValueTask<OnboardingProgressDto> Handle(GetOnboardingProgress query, CancellationToken cancellationToken)
    {
        var progress = await db.OnboardingProgress.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var company = progress?.CompanyId is { } id
            ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        return OnboardingProgressDto.From(progress, company);
    }
}

/// <summary>Remembers the step the user is on, so that leaving and coming back resumes there.</summary>
public sealed record UpdateOnboardingProgress(int CurrentStep) : ICommand<OnboardingProgressDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateOnboardingProgressValidator : AbstractValidator<UpdateOnboardingProgress>
{
    public UpdateOnboardingProgressValidator() =>
        RuleFor(x => x.CurrentStep).InclusiveBetween(1, OnboardingProgress.StepCount);
}

public sealed class UpdateOnboardingProgressHandler(ITenantDb db, TimeProvider clock, ISender sender)
    : ICommandHandler<UpdateOnboardingProgress, OnboardingProgressDto>
{
    public async ValueTask<OnboardingProgressDto> Handle(UpdateOnboardingProgress command, CancellationToken cancellationToken)
    {
        var progress = await db.OnboardingProgress.SingleOrDefaultAsync(cancellationToken);
        if (progress is null)
        {
            progress = Domain.Onboarding.OnboardingProgress.Start(clock.GetUtcNow());
            db.OnboardingProgress.Add(progress);
        }

        progress.MoveTo(command.CurrentStep, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetOnboardingProgress(), cancellationToken);
    }
}
