namespace BrandAutomator.Application.Common.Errors;

/// <summary>One or more inputs failed validation; keys are the JSON field paths (camelCase).</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The object does not exist, or exists for another tenant: both look the same to the caller.</summary>
public sealed class NotFoundException(string resource, object? key = null)
    : Exception(key is null ? $"{resource} was not found." : $"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The request conflicts with the current state (duplicate, concurrent change).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message = "You do not have permission to do this.") : Exception(message);

/// <summary>The caller could not be authenticated (bad credentials, revoked or unknown token).</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>Too many tries of a secret for one account: answered 429 with <see cref="RetryAfter"/>.</summary>
public sealed class TooManyAttemptsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// The brand guard found something the workspace blocks on (409); an admin may confirm and go ahead. <see cref="PostId"/>
/// names the post.
/// </summary>
public sealed class BrandGuardBlockedException(Guid postId, string message) : Exception(message)
{
    public Guid PostId { get; } = postId;
}

/// <summary>The caller's plan does not allow this; <see cref="Limit"/> names the limit reached.</summary>
public sealed class PlanLimitException(string limit, string message) : Exception(message)
{
    public string Limit { get; } = limit;
}

/// <summary>An upload is larger than its type or plan allows (413); <see cref="Field"/> names the file.</summary>
public sealed class PayloadTooLargeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>An upload's content is not a type the product accepts (415); <see cref="Field"/> names the file.</summary>
public sealed class UnsupportedContentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// An outside service (the payment provider, an AI provider) failed or refused a well-formed request. The message is
/// safe to show; the cause stays in the logs.
/// </summary>
public sealed class ExternalServiceException(string service, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Service { get; } = service;
}
