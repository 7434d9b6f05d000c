using BrandAutomator.Infrastructure.Files;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// Serves the built SPA (client/ builds into wwwroot): its files, and index.html for every client-side route.
/// Paths the server owns (/api, /swagger, /health, /.well-known) never fall back, so an unknown API path stays a
/// 404 problem details and a wrong method stays a 405.
/// </summary>
public static class SpaHosting
{
    public const string ConstraintName = "clientRoute";

    /// <summary>
    /// The SPA keeps tokens in the browser, so its page gets a strict policy: scripts and connections from this origin
    /// only. React's style props go through the CSSOM, which 'self' styles do not restrict. Images and media come from
    /// this origin (local files are linked relative to it) and, with Cloud Storage, from the storage host alone.
    /// </summary>
    public static string ContentSecurityPolicy(StorageOptions storage)
    {
        var files = storage.Provider == StorageProvider.Gcs && Uri.TryCreate(storage.GcsBaseUri, UriKind.Absolute, out var gcs)
            ? " " + gcs.GetLeftPart(UriPartial.Authority)
            : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{files}; font-src 'self' data:; " +
               $"connect-src 'self'; media-src 'self' blob:{files}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public static IServiceCollection AddSpaHosting(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<ClientRouteConstraint>(ConstraintName));

    /// <summary>The SPA's files. Vite names everything under /assets by its content hash, so those are cached for good.</summary>
    public static WebApplication UseSpaStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    AddPageHeaders(context.Context.Response);
                }
            },
        });
        return app;
    }

    /// <summary>index.html for GET and HEAD on any path the SPA may route (no file extension, not a server path).</summary>
    public static IEndpointRouteBuilder MapSpaFallback(this IEndpointRouteBuilder app)
    {
        app.MapFallbackToFile($"{{*path:{ConstraintName}}}", "index.html", new StaticFileOptions
            {
                OnPrepareResponse = context =>
                {
                    // Always revalidated: a new deployment's index.html names new asset hashes.
                    context.Context.Response.Headers.CacheControl = "no-cache";
                    AddPageHeaders(context.Context.Response);
                },
            })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static void AddPageHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy =
            ContentSecurityPolicy(response.HttpContext.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    /// <summary>Matches client-side routes: not under a server prefix and without a file extension.</summary>
    public sealed class ClientRouteConstraint : IRouteConstraint
    {
        private static readonly string[] ServerPrefixes = ["api", "swagger", "health", ".well-known"];

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        {
            var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? "" : "";
            var firstSegment = path.Split('/', 2)[0];
            if (ServerPrefixes.Any(prefix => string.Equals(firstSegment, prefix, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            // A missing /assets/app-1234.js must be a 404, not a page of HTML the browser then tries to run.
            var lastSegment = path[(path.LastIndexOf('/') + 1)..];
            return !lastSegment.Contains('.', StringComparison.Ordinal);
        }
    }
}
