using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Onboarding;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Onboarding;

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

public sealed class UpdateOnboardingProgressHandler(ITenantDb db, TimeProvider clock)
    : ICommandHandler<UpdateOnboardingProgress, OnboardingProgressDto>
{
    public async ValueTask<OnboardingProgressDto> Handle(UpdateOnboardingProgress command, CancellationToken cancellationToken)
    {
        var progress = await db.OnboardingProgress.SingleOrDefaultAsync(cancellationToken);
        if (progress is null)
        {
            progress = OnboardingProgress.Start(clock.GetUtcNow());
            db.OnboardingProgress.Add(progress);
        }

        progress.MoveTo(command.CurrentStep, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await OnboardingProgressReader.ReadAsync(db, cancellationToken);
    }
}
