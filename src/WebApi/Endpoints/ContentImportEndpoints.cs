using System.Text.Json;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Content;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace BrandAutomator.WebApi.Endpoints;

/// <summary>Posts from a CSV file: the template, the file's columns, a dry run, and the import.</summary>
public static class ContentImportEndpoints
{
    /// <summary>
    /// The form of a dry run or an import (multipart/form-data). <c>mapping</c>: JSON object of post field to column
    /// header (<c>{"date":"Publish date","text":"Message"}</c>); without it the columns are guessed from their headers.
    /// <c>target</c>: <c>draft</c> or <c>schedule</c> (default). <c>mode</c> (import only): <c>allOrNothing</c> (default) or <c>rowByRow</c>.
    /// </summary>
    public sealed record ImportForm(IFormFile File, string? Mapping, string? Target, string? Mode, Guid? CompanyId);

    /// <summary>The form of the columns step: the file only.</summary>
    public sealed record ImportFileForm(IFormFile File);

    public static IEndpointRouteBuilder MapContentImportEndpoints(this IEndpointRouteBuilder app)
    {
        var import = app.MapGroup("/api/v1/content/import").WithTags("Content import").RequireAuthorization(Policies.Editor);

        import.MapGet("/template", async (ISender sender, CancellationToken ct) =>
                TypedResults.Text(await sender.Send(new GetImportTemplate(), ct), "text/csv; charset=utf-8"))
            .WithName("GetImportTemplate")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("A CSV template to fill in: the columns the import recognises and two example rows.");

        import.MapPost("/columns", async (HttpRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReadImportColumns((await ReadAsync(request, ct)).Content), ct)))
            .DisableAntiforgery()
            .Accepts<ImportFileForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ReadImportColumns")
            .WithSummary("The CSV file's columns, the post fields they can fill, a guess of which is which, and its first rows.");

        import.MapPost("/dry-run", async (HttpRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DryRunContentImport((await ReadAsync(request, ct)).File), ct)))
            .DisableAntiforgery()
            .Accepts<ImportForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("DryRunContentImport")
            .WithSummary("Check every row as the import would, changing nothing: each bad row with its column and reason, rows imported before, rows ready.");

        import.MapPost("/", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var form = await ReadAsync(request, ct);
                return TypedResults.Ok(await sender.Send(new ImportContent(form.File, form.Mode), ct));
            })
            .DisableAntiforgery()
            .Accepts<ImportForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ImportContent")
            .WithSummary("Import the CSV file's posts, all or nothing (400 naming each bad row and column) or row by row; rows imported before are skipped.");
        return app;
    }

    private static async Task<(ContentImportFile File, ImportMode Mode, byte[] Content)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new UnsupportedContentException("file", "Send the CSV file as multipart/form-data, in a field named file.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ContentImportFile.MaxBytes + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new PayloadTooLargeException("file", $"A CSV file to import has at most {ContentImportFile.MaxBytes / (1024 * 1024)} MB.");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw InputValidationException.For("file", "The upload could not be read: send the CSV file as multipart/form-data, in a field named file.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            throw InputValidationException.For("file", "Choose a CSV file to import.");
        }

        if (file.Length > ContentImportFile.MaxBytes)
        {
            throw new PayloadTooLargeException("file", $"A CSV file to import has at most {ContentImportFile.MaxBytes / (1024 * 1024)} MB.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var target = Parse(form["target"], ImportTarget.Schedule, "target", "Choose draft or schedule.");
        var mode = Parse(form["mode"], ImportMode.AllOrNothing, "mode", "Choose allOrNothing or rowByRow.");
        Guid? companyId = null;
        if (form["companyId"].ToString() is { Length: > 0 } company)
        {
            companyId = Guid.TryParse(company, out var id) ? id : throw InputValidationException.For("companyId", "Choose one of your brands.");
        }

        return (new ContentImportFile(content, ParseMapping(form["mapping"]), target, companyId), mode, content);
    }

    private static T Parse<T>(string? value, T fallback, string field, string message)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
        : throw InputValidationException.For(field, message);

    private static Dictionary<string, string>? ParseMapping(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw InputValidationException.For("mapping", "Send the mapping as a JSON object of field to column.");
        }
        catch (JsonException)
        {
            throw InputValidationException.For("mapping", "Send the mapping as a JSON object of field to column, such as {\"date\":\"Date\",\"text\":\"Text\"}.");
        }
    }
}
