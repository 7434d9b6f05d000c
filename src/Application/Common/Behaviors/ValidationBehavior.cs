using BrandAutomator.Application.Common.Errors;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Common.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler, so that the API, jobs and tests
/// all get the same rules. Failures become one <see cref="InputValidationException"/> keyed by camelCase field path.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => FieldPath.ToCamelCase(f.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
            throw new InputValidationException(errors);
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Turns a C# property path ("Values[0].Name") into the JSON path clients send ("values[0].name").</summary>
public static class FieldPath
{
    public static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 || char.IsLower(segment[0])
                ? segment
                : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
