using Serilog.Context;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// Carries the caller's (or Kong's) <c>X-Correlation-ID</c> through the logs and back in the response; makes one when absent.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = IsAcceptable(incoming) ? incoming : context.TraceIdentifier;
        context.Items[Header] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    // A correlation id is echoed into logs and headers, so only short, printable values are accepted.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
