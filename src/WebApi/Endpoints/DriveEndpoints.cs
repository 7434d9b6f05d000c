using BrandAutomator.Application.Drive;
using BrandAutomator.Infrastructure.Drive;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Endpoints;

public static class DriveEndpoints
{
    /// <summary>A folder (optionally kept in sync) or chosen files, never both; <c>companyId</c> files them under a brand.</summary>
    public sealed record DriveImportRequest(string? FolderId, IReadOnlyList<string>? FileIds, bool Sync, Guid? CompanyId);

    public sealed record DriveSourceUpdateRequest(bool Sync);

    /// <summary>The SPA page that shows the outcome of connecting (<c>?connected=1</c> or <c>?error=</c>).</summary>
    public const string SpaDrivePath = "/app/files/drive";

    public static IEndpointRouteBuilder MapDriveEndpoints(this IEndpointRouteBuilder app)
    {
        var drive = app.MapGroup("/api/v1/drive").WithTags("Drive").RequireAuthorization(Policies.Viewer);

        drive.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDriveOverview(), ct)))
            .WithName("GetDriveOverview")
            .WithSummary("Whether Google Drive can be connected on this server, the connection and its health, and the imports.");

        drive.MapPost("/connect", async (HttpRequest request, IOptions<GoogleDriveOptions> options, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartDriveConnection(CallbackUrl(request, options.Value)), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("StartDriveConnection")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start connecting Google Drive (OAuth 2.0 with PKCE, read-only): the address to send the browser to. 409 when not available here.");

        // Google sends the browser here: no bearer token, so the signed, single-use state says whose it is.
        drive.MapGet("/connect/callback", async (string? code, string? state, string? error, ISender sender, CancellationToken ct) =>
                {
                    var result = await sender.Send(new CompleteDriveConnection(code, state, error), ct);
                    return TypedResults.Redirect(result.Error is null
                        ? $"{SpaDrivePath}?connected=1"
                        : $"{SpaDrivePath}?error={Uri.EscapeDataString(result.Error)}");
                })
            .AllowAnonymous()
            .WithName("CompleteDriveConnection")
            .Produces(StatusCodes.Status302Found)
            .WithSummary("Google's redirect back: exchanges the code, stores the tokens encrypted, and sends the browser to the import page.");

        drive.MapDelete("/connection", async (ISender sender, CancellationToken ct) =>
                {
                    await sender.Send(new DisconnectDrive(), ct);
                    return TypedResults.NoContent();
                })
            .RequireAuthorization(Policies.Admin)
            .WithName("DisconnectDrive")
            .WithSummary("Forget the Google Drive connection and its tokens; imported files stay.");

        drive.MapGet("/files", async (string? folderId, string? pageToken, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new BrowseDrive(folderId, pageToken), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("BrowseDrive")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("A folder of the connected Drive (My Drive when none is named), one page at a time.");

        drive.MapPost("/imports", async (DriveImportRequest body, ISender sender, CancellationToken ct) =>
                {
                    var source = await sender.Send(new ImportFromDrive(body.FolderId, body.FileIds, body.Sync, body.CompanyId), ct);
                    return TypedResults.Accepted($"/api/v1/drive/imports/{source.Id}", source);
                })
            .RequireAuthorization(Policies.Editor)
            .WithName("ImportFromDrive")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Import a folder (optionally kept in sync) or chosen files as assets, in the background.");

        drive.MapPatch("/imports/{id:guid}", async (Guid id, DriveSourceUpdateRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateDriveSource(id, body.Sync), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateDriveImport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Turn sync of an imported folder on or off.");

        drive.MapPost("/imports/{id:guid}/sync", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/drive/imports/{id}", await sender.Send(new SyncDriveSourceNow(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("SyncDriveImport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Read an imported folder's changes in Drive now rather than at the next scheduled sync.");
        return app;
    }

    /// <summary>The redirect URI registered at Google: the configured public address, else the one this request came in on.</summary>
    private static string CallbackUrl(HttpRequest request, GoogleDriveOptions options)
    {
        var origin = options.CallbackBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/api/v1/drive/connect/callback";
    }
}
