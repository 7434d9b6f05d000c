using BrandAutomator.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Onboarding;

/// <summary>Reads where the wizard stands, with the company as filled in so far: what every onboarding call answers.</summary>
public static class OnboardingProgressReader
{
    public static async Task<OnboardingProgressDto> ReadAsync(ITenantDb db, CancellationToken cancellationToken)
    {
        var progress = await db.OnboardingProgress.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var company = progress?.CompanyId is { } id
            ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        return OnboardingProgressDto.From(progress, company);
    }
}
