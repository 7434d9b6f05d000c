using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Onboarding;

/// <summary>Where the wizard stands, with the company as filled in so far: the wizard resumes from it.</summary>
public sealed record GetOnboardingProgress : IQuery<OnboardingProgressDto>;

public sealed class GetOnboardingProgressHandler(ITenantDb db) : IQueryHandler<GetOnboardingProgress, OnboardingProgressDto>
{
    public async ValueTask<OnboardingProgressDto> Handle(GetOnboardingProgress query, CancellationToken cancellationToken) =>
        await OnboardingProgressReader.ReadAsync(db, cancellationToken);
}
