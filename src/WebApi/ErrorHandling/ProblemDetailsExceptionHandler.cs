using System.Text.Json;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BrandAutomator.WebApi.ErrorHandling;

/// <summary>
/// Turns every exception into RFC 9457 problem details. Known application errors keep their message;
/// anything else is a 500 that says only that something went wrong, with the trace id to quote to support.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        // An outside service's failure is logged with its cause where it happened.
        if (problem.Status >= 500 && exception is not ExternalServiceException)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyAttemptsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        InputValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        BadHttpRequestException e => BadRequest(e),
        _ when IsRefusedText(exception) => FieldProblem(StatusCodes.Status400BadRequest, "One or more validation errors occurred.",
            "body", TextInput.Refused),
        DomainRuleException e when e.Field is not null => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [e.Field] = [e.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        DomainRuleException e => Problem(StatusCodes.Status422UnprocessableEntity, "The request breaks a business rule.", e.Message),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
        BrandGuardBlockedException e => BrandGuardBlocked(e),
        // Two writes of the same row at once (the row version changed between read and write): the later one is refused.
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict.",
            "Someone else changed this at the same moment; load it again and repeat your change."),
        // PostgreSQL chose this request's transaction to end a deadlock, or could not serialise it with another: nothing
        // was written, and the same request sent again succeeds.
        _ when IsConcurrencyFailure(exception) => Problem(StatusCodes.Status409Conflict, "Conflict.",
            "Another change was being saved at the same moment, so nothing was saved: send the request again."),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
        AuthenticationFailedException e => Problem(StatusCodes.Status401Unauthorized, "Unauthorized.", e.Message),
        TooManyAttemptsException e => Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", e.Message),
        PlanLimitException e => PlanLimit(e),
        PayloadTooLargeException e => FieldProblem(StatusCodes.Status413PayloadTooLarge, "The upload is too large.", e.Field, e.Message),
        UnsupportedContentException e => FieldProblem(StatusCodes.Status415UnsupportedMediaType, "This kind of file is not accepted.", e.Field, e.Message),
        ExternalServiceException e => Problem(StatusCodes.Status502BadGateway, $"{e.Service} did not complete the request.", e.Message),
        OperationCanceledException => Problem(499, "The request was cancelled.", null),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
            "The server could not complete the request. Quote the traceId when you contact support."),
    };

    /// <summary>
    /// The framework's 400s in our own words: its messages name CLR types and suggest code changes ("Did you mean to use
    /// a Service instead?"), so none of them reaches the client; the field comes from the JSON path or the parameter.
    /// </summary>
    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = ((json.Path ?? "") + (json as ListItemJsonException)?.Suffix).TrimStart('$', '.');
            var cause = json is ListItemJsonException item ? item.Cause : json;
            var message = cause is RefusedTextException or RefusedNullItemException ? cause.Message : "The value is not valid JSON of the expected type.";
            return FieldProblem(StatusCodes.Status400BadRequest, "The request body could not be read.", field.Length == 0 ? "body" : field, message);
        }

        var parameter = FrameworkParameter().Match(exception.Message) is { Success: true } match ? match.Groups["name"].Value : null;
        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => FieldProblem(StatusCodes.Status415UnsupportedMediaType,
                "The body must be JSON.", "body", "Send the body as JSON with the header Content-Type: application/json."),
            StatusCodes.Status413PayloadTooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large.",
                "The request body is larger than this server accepts."),
            _ when exception.Message.Contains("no body was provided", StringComparison.Ordinal) ||
                   exception.Message.Contains("from body", StringComparison.Ordinal) ||
                   exception.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) =>
                FieldProblem(StatusCodes.Status400BadRequest, "The request body is missing.", "body", "This request needs a JSON body."),
            _ when parameter is not null && exception.Message.StartsWith("Required", StringComparison.Ordinal) =>
                FieldProblem(StatusCodes.Status400BadRequest, "A value is missing.", parameter, "This value is required."),
            _ when parameter is not null => FieldProblem(StatusCodes.Status400BadRequest, "A value is not valid.", parameter,
                "The value is not in the expected form."),
            _ => Problem(exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest,
                "The request could not be read.", "Check the address, the parameters and the body, and try again."),
        };
    }

    /// <summary>The parameter a framework binding message names: <c>parameter "Guid id"</c> or <c>parameter "id"</c>.</summary>
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FrameworkParameter();

    /// <summary>
    /// Text the database or its driver refused: a safety net behind <see cref="TextInput"/> (text from somewhere the
    /// rule does not look), a 400 and not a 500.
    /// </summary>
    private static bool IsConcurrencyFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "40P01" or "40001" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRefusedText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "22021" or "22P05" } or System.Text.EncoderFallbackException)
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails BrandGuardBlocked(BrandGuardBlockedException exception)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "The brand check blocks this post.", exception.Message);
        problem.Extensions["blockedBy"] = "brandGuard";
        problem.Extensions["postId"] = exception.PostId;
        return problem;
    }

    private static ProblemDetails PlanLimit(PlanLimitException exception)
    {
        var problem = Problem(StatusCodes.Status402PaymentRequired, "Your plan does not include this.", exception.Message);
        problem.Extensions["limit"] = exception.Limit;
        return problem;
    }

    private static ProblemDetails FieldProblem(int status, string title, string field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
            Detail = message,
        };

    private static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
