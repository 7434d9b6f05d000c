using BrandAutomator.Application.Snippets;
using BrandAutomator.Domain.Snippets;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class SnippetEndpoints
{
    /// <summary>A brand's hashtag group (hashtags separated by spaces), signature, or post template (with {brand}, {product}, {link}, {website}).</summary>
    public sealed record CreateSnippetRequest(Guid CompanyId, SnippetKind? Kind, string? Name, string? Body);

    public sealed record UpdateSnippetRequest(string? Name, string? Body);

    public static IEndpointRouteBuilder MapSnippetEndpoints(this IEndpointRouteBuilder app)
    {
        var snippets = app.MapGroup("/api/v1/snippets").WithTags("Snippets").RequireAuthorization(Policies.Viewer);

        snippets.MapGet("/", async (Guid? companyId, string? kind, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSnippets(companyId, kind), ct)))
            .WithName("ListSnippets")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("A brand's (or every brand's) hashtag groups, signatures and post templates (kind: hashtagGroup, signature or template), with the variables templates may use.");

        snippets.MapPost("/", async (CreateSnippetRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateSnippet(body.CompanyId, body.Kind, body.Name, body.Body), ct);
                return TypedResults.Created($"/api/v1/snippets/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Editor)
            .WithIdempotencyKey()
            .WithName("CreateSnippet")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save a hashtag group, a signature or a post template for a brand; a template's unknown variables are refused by name.");

        snippets.MapPut("/{id:guid}", async (Guid id, UpdateSnippetRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateSnippet(id, body.Name, body.Body), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateSnippet")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename a snippet or change its text.");

        snippets.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteSnippet(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteSnippet")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a snippet; posts made from it keep their text.");
        return app;
    }
}
