using BrandAutomator.Domain.Snippets;
using FluentValidation;

namespace BrandAutomator.Application.Snippets;

/// <summary>The aggregate's own checks of a snippet's name and text, reported early and on the field at fault.</summary>
internal static class SnippetRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, SnippetKind> kind, Func<T, string?> name, Func<T, string?> body) =>
        validator.RuleFor(x => x).Custom((x, context) =>
        {
            foreach (var (field, message) in Snippet.Problems(kind(x), name(x), body(x)))
            {
                context.AddFailure(field, message);
            }
        });
}
