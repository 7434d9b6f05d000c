using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace BrandAutomator.WebApi.Hosting;

public static class Logging
{
    /// <summary>Serilog: readable lines in development, compact JSON elsewhere; levels overridable from <c>Serilog</c>.</summary>
    public static void AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // A failed command also surfaces as an exception, logged once with its request; EF's own copy is noise
                // (and on the first start it reports the migrations history table that is about to be created).
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
                // IHttpClientFactory writes four lines for every request to a network or a model (start, send, headers,
                // end): at a publishing peak that is most of the log and a share of the CPU. Our adapters log what fails.
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (!StartupFailure.IsVerbose(builder.Configuration))
            {
                // The host logs a failed start with its stack trace; Program reports the same failure as one sentence.
                configuration.Filter.ByExcluding(e => e.Exception is not null && HasEventName(e, "HostedServiceStartupFaulted"));
            }

            if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
            {
                configuration.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
            }
            else
            {
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    private static bool HasEventName(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue("EventId", out var eventId)
        && eventId is StructureValue structure
        && structure.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: string value } && value == name);

    /// <summary>One line a request, with the correlation id and, once signed in, the tenant and the user.</summary>
    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // A client review link's secret is its path: the log keeps the path without it.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RedactSecrets(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : context.Request.Path.StartsWithSegments("/assets") ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (context.Items[CorrelationIdMiddleware.Header] is string correlationId)
                {
                    diagnostics.Set("CorrelationId", correlationId);
                }

                if (context.User.Identity?.IsAuthenticated == true)
                {
                    diagnostics.Set("TenantId", context.User.FindFirstValue("tid"));
                    diagnostics.Set("UserId", context.User.FindFirstValue("sub"));
                }
            };
        });

    /// <summary>The path with a review link's secret replaced by an ellipsis (the API's and the SPA's review paths).</summary>
    public static string RedactSecrets(string path)
    {
        var start = path.IndexOf("/rv_", StringComparison.Ordinal);
        if (start < 0)
        {
            return path;
        }

        var end = path.IndexOf('/', start + 1);
        return string.Concat(path.AsSpan(0, start), "/rv_…", end < 0 ? "" : path.AsSpan(end));
    }
}
