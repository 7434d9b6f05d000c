using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Onboarding;

namespace BrandAutomator.Application.Onboarding;

public sealed record BrandValueDto(string Name, string Description);

public sealed record CompanyProfileDto(
    Guid Id, string Name, string? Description, string? Industry, string? Website, string? TargetAudience, string? CoreProblem,
    string? BrandVoice, string? Vision, string? Mission, IReadOnlyList<BrandValueDto> Values, string? PositioningStatement,
    Guid? LogoAssetId, IReadOnlyList<string> BrandColours, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CompanyProfileDto From(Company c) => new(
        c.Id, c.Name, c.Description, c.Industry, c.Website, c.TargetAudience, c.CoreProblem, c.BrandVoice, c.Vision, c.Mission,
        c.Values.Select(v => new BrandValueDto(v.Name, v.Description)).ToList(), c.PositioningStatement, c.LogoAssetId,
        c.BrandColours, c.CreatedAt, c.UpdatedAt);
}

public sealed record OnboardingProgressDto(
    int CurrentStep, IReadOnlyList<int> CompletedSteps, bool Completed, DateTimeOffset? CompletedAt, Guid? CompanyId, CompanyProfileDto? Company)
{
    public static OnboardingProgressDto From(OnboardingProgress? progress, Company? company) =>
        progress is null
            ? new OnboardingProgressDto(1, [], false, null, null, null)
            : new OnboardingProgressDto(progress.CurrentStep, progress.CompletedSteps, progress.IsCompleted, progress.CompletedAt,
                progress.CompanyId, company is null ? null : CompanyProfileDto.From(company));
}
