using System.Security.Cryptography;
using BrandAutomator.Application.Assets;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Assets;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BrandAutomator.WebApi.Endpoints;

public static class AssetEndpoints
{
    /// <summary>Only the fields sent change; an empty <c>altText</c> removes the description.</summary>
    /// <summary><c>companyId</c>: the brand the file belongs to; <c>everyBrand</c>: true makes it every brand's (the workspace's).</summary>
    public sealed record UpdateAssetRequest(string? Name, IReadOnlyList<string>? Tags, string? AltText, Guid? CompanyId, bool? EveryBrand);

    public sealed record ArchiveAssetRequest(Guid? SupersededBy);

    public static IEndpointRouteBuilder MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/onboarding/assets/upload", UploadAsync)
            .WithTags("Assets")
            .RequireAuthorization(Policies.Editor)
            .AllowApiKeys(ApiScope.Assets)
            .DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<IReadOnlyList<AssetDto>>(StatusCodes.Status201Created)
            .WithIdempotencyKey(MaxUploadBytes)
            .WithName("UploadAssets")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Upload one or more files (multipart/form-data, field name 'files'); streamed, identified by content, processed in the background.");

        var assets = app.MapGroup("/api/v1/assets").WithTags("Assets").RequireAuthorization(Policies.Viewer).AllowApiKeys(ApiScope.Assets);

        assets.MapGet("/", async (string? type, string? tag, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAssets(ParseType(type), tag, page ?? 1, pageSize ?? 24), ct)))
            .WithName("ListAssets")
            .WithSummary("The tenant's assets, newest first.");

        assets.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAsset(id), ct)))
            .WithName("GetAsset")
            .WithSummary("An asset's metadata, processing state and signed links.");

        assets.MapPatch("/{id:guid}", async (Guid id, UpdateAssetRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateAsset(id, body.Name, body.Tags, body.AltText, body.CompanyId, body.EveryBrand), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateAsset")
            .WithSummary("Rename, retag or describe (alt text) an asset.");

        assets.MapPost("/{id:guid}/archive", async (Guid id, ArchiveAssetRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ArchiveAsset(id, body?.SupersededBy), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("ArchiveAsset")
            .WithSummary("Archive an asset (optionally naming the one that supersedes it): still searchable, labelled, but no longer used to ground the AI.");

        assets.MapPost("/{id:guid}/restore", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RestoreAsset(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("RestoreAsset")
            .WithSummary("Make an archived asset current again.");

        assets.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteAsset(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteAsset")
            .WithSummary("Delete an asset and its stored files.");

        app.MapGet("/api/v1/ai/search-files", async (string q, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchFiles(q ?? "", limit ?? 10), ct)))
            .WithTags("AI")
            .RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.Assets)
            .WithName("SearchFiles")
            .WithSummary("Search the tenant's files by words and meaning; passages below the relevance floor are left out, archived files are labelled; snippets are HTML with <mark> around matches.");
        return app;
    }

    private static AssetType? ParseType(string? type) =>
        string.IsNullOrWhiteSpace(type) ? null
        : Enum.TryParse<AssetType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw InputValidationException.For("type", "Type is image, video, document or text.");

    /// <summary>
    /// Streams each file part to a temporary file (hashing as it goes, never holding a file in memory), stopping with
    /// 413 as soon as a file passes the largest allowed size, then hands the staged files to the use case.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        HttpContext context, Guid? companyId, ISender sender, IOptions<AssetLimitOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType) ||
            !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UnsupportedContentException("files", "Send the files as multipart/form-data.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Each file is capped while it streams; the request as a whole may carry the allowed number of them.
            bodySize.MaxRequestBodySize = MaxUploadBytes(context.RequestServices);
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        var staged = new List<StagedFile>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                if (staged.Count == limits.MaxFilesPerRequest)
                {
                    throw InputValidationException.For("files", $"Upload at most {limits.MaxFilesPerRequest} files at a time.");
                }

                var name = disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "file";
                staged.Add(await StageAsync(section.Body, name, $"files[{staged.Count}]", limits.MaxAnyFileBytes, cancellationToken));
            }

            var created = await sender.Send(new UploadAssets(staged, companyId), cancellationToken);
            return TypedResults.Created("/api/v1/assets", created);
        }
        catch (IOException truncated) when (truncated.GetType() == typeof(IOException) && !cancellationToken.IsCancellationRequested &&
                                            truncated.Message.Contains("end of Stream", StringComparison.OrdinalIgnoreCase))
        {
            // MultipartReader's word for a body that ends before its closing boundary: the client's fault, not ours.
            throw InputValidationException.For("files", "The upload ended before its last part; send the files again.");
        }
        finally
        {
            foreach (var file in staged)
            {
                File.Delete(file.Path);
            }
        }
    }

    /// <summary>The largest upload request: the allowed number of files of the largest size, with 1 MiB of framing each.</summary>
    private static long MaxUploadBytes(IServiceProvider services)
    {
        var limits = services.GetRequiredService<IOptions<AssetLimitOptions>>().Value;
        return (limits.MaxAnyFileBytes + (1024 * 1024)) * limits.MaxFilesPerRequest;
    }

    private static async Task<StagedFile> StageAsync(Stream body, string fileName, string field, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"brandauto-upload-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw new PayloadTooLargeException(field, $"'{FileNames.Sanitize(fileName)}' is larger than the largest file accepted ({maxBytes / 1024 / 1024} MB).");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new StagedFile(path, fileName, size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }
}
