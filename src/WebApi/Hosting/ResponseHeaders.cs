namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// Headers every answer carries unless its endpoint set its own (the SPA's pages, signed file links): no content
/// sniffing, no framing, no referrer to other sites; API answers are never stored by a browser or a shared cache
/// and may not load anything.
/// </summary>
public static class ResponseHeaders
{
    private const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.TryAdd("X-Frame-Options", "DENY");
                var path = http.Request.Path;
                if (path.StartsWithSegments("/api") || path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/health"))
                {
                    headers.TryAdd("Cache-Control", "no-store");
                    headers.TryAdd("Content-Security-Policy", ApiContentSecurityPolicy);
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
