using System.Text.Json;
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
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
        AuthenticationFailedException e => Problem(StatusCodes.Status401Unauthorized, "Unauthorized.", e.Message),
        PlanLimitException e => PlanLimit(e),
        PayloadTooLargeException e => FieldProblem(StatusCodes.Status413PayloadTooLarge, "The upload is too large.", e.Field, e.Message),
        UnsupportedContentException e => FieldProblem(StatusCodes.Status415UnsupportedMediaType, "This kind of file is not accepted.", e.Field, e.Message),
        ExternalServiceException e => Problem(StatusCodes.Status502BadGateway, $"{e.Service} did not complete the request.", e.Message),
        OperationCanceledException => Problem(499, "The request was cancelled.", null),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
            "The server could not complete the request. Quote the traceId when you contact support."),
    };

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field.Length == 0 ? "body" : field] = ["The value is not valid JSON of the expected type."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
            };
        }

        return Problem(exception.StatusCode, "Bad request.", exception.Message);
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
