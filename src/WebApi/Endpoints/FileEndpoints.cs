using System.Globalization;
using BrandAutomator.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Endpoints;

public static class FileEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // What a browser may show in the tab: types it renders without running anything. The rest (PDF too, whose viewer
    // Chrome refuses to run under a sandbox policy) is downloaded.
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp",
        "video/mp4", "video/quicktime", "video/webm",
        "text/plain", "text/markdown",
    };

    /// <summary>
    /// <c>GET /api/v1/files/{key}?expires=&amp;sig=[&amp;name=]</c>: the file behind a local signed link. Mapped only with the
    /// Local storage provider; with Cloud Storage, links point at Google.
    /// </summary>
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider != StorageProvider.Local)
        {
            return app;
        }

        // Anonymous: the signature is the permission, so links work in <img> tags and downloads without a token.
        app.MapGet($"{LocalSignedUrls.RoutePrefix}/{{**key}}", Serve)
            .AllowAnonymous()
            .WithTags("Files")
            // A page of thumbnails asks for many at once; the signature, not a rate, is what guards these links.
            .DisableRateLimiting()
            .WithName("GetFile")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("A stored file through a signed, expiring link (local storage).");
        return app;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Serve(
        string key, string? expires, string? sig, string? name,
        HttpContext http, LocalSignedUrls links, LocalDiskStorage storage, TimeProvider time)
    {
        var headers = http.Response.Headers;
        // Uploaded bytes are the customer's, not ours: never sniffed into another type, never able to run script in our origin.
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";

        var now = time.GetUtcNow();
        switch (links.Verify(key, expires, name, sig, now))
        {
            case SignedLinkVerdict.Expired:
                return Forbidden("The link expired; ask for a new one.");
            case SignedLinkVerdict.Invalid:
                return Forbidden("The link is not valid: it is incomplete or was changed.");
        }

        var path = storage.PathOf(key);
        if (!File.Exists(path))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "The file no longer exists.");
        }

        if (!ContentTypes.TryGetContentType(key, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        headers.ContentDisposition = !string.IsNullOrEmpty(name) ? DownloadNames.AttachmentDisposition(name)
            : InlineTypes.Contains(contentType) ? "inline"
            : "attachment";
        // The link is its own cache key and is good until it expires; no shared cache should keep a tenant's file.
        var remaining = Math.Max(0, long.Parse(expires!, CultureInfo.InvariantCulture) - now.ToUnixTimeSeconds());
        headers.CacheControl = $"private, max-age={remaining.ToString(CultureInfo.InvariantCulture)}";
        return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: true);
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: detail);
}
