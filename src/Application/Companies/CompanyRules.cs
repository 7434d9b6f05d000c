using BrandAutomator.Domain.Companies;
using FluentValidation;

namespace BrandAutomator.Application.Companies;

internal static class CompanyRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string> name, Func<T, string?> description, Func<T, string?> industry, Func<T, string?> website)
    {
        v.RuleFor(x => name(x)).NotEmpty().MaximumLength(Company.MaxNameLength).OverridePropertyName("name");
        v.RuleFor(x => description(x)).MaximumLength(Company.MaxDescriptionLength).OverridePropertyName("description");
        v.RuleFor(x => industry(x)).MaximumLength(Company.MaxIndustryLength).OverridePropertyName("industry");
        v.RuleFor(x => website(x))
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            .WithMessage("Enter a full web address starting with https://.")
            .OverridePropertyName("website");
    }
}
