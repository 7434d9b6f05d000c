using System.Globalization;
using BrandAutomator.Domain.Social;
using FluentValidation;

namespace BrandAutomator.Application.Analytics;

/// <summary>The rules every analytics query shares for its period (dates as <c>2026-10-24</c>) and network.</summary>
internal static class AnalyticsQueryRules
{
    public static void Period<T>(AbstractValidator<T> validator, Func<T, string?> from, Func<T, string?> to)
    {
        validator.RuleFor(x => from(x)).Must(d => d is null || Date(d) is not null)
            .OverridePropertyName("from").WithMessage("Write the start date as 2026-10-24.");
        validator.RuleFor(x => to(x)).Must(d => d is null || Date(d) is not null)
            .OverridePropertyName("to").WithMessage("Write the end date as 2026-10-24.");
        validator.RuleFor(x => to(x)).Must((x, end) => Date(from(x)) is not { } start || Date(end) is not { } last || start <= last)
            .OverridePropertyName("to").WithMessage("The end date comes on or after the start date.");
        validator.RuleFor(x => from(x)).Must((x, start) => Date(start) is not { } s || Date(to(x)) is not { } e || e.DayNumber - s.DayNumber < AnalyticsFilter.MaxDays)
            .OverridePropertyName("from").WithMessage($"Choose a period of at most {AnalyticsFilter.MaxDays} days.");
    }

    public static void Network<T>(AbstractValidator<T> validator, Func<T, string?> platform) =>
        validator.RuleFor(x => platform(x)).Must(p => p is null || Enum.TryParse<SocialPlatform>(p, ignoreCase: true, out _))
            .OverridePropertyName("platform").WithMessage($"Choose a network: one of {string.Join(", ", Enum.GetNames<SocialPlatform>())}.");

    public static AnalyticsFilter Filter(string? from, string? to, Guid? companyId, string? platform) =>
        new(Date(from), Date(to), companyId, platform is null ? null : Enum.Parse<SocialPlatform>(platform, ignoreCase: true));

    public static SocialPlatform? ParseNetwork(string? platform) => platform is null ? null : Enum.Parse<SocialPlatform>(platform, ignoreCase: true);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
