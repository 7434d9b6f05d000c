using BrandAutomator.Application.ApiKeys;
using BrandAutomator.Domain.ApiKeys;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class ApiKeyEndpoints
{
    /// <summary>A new key: what it may do, and optionally when it stops working and its own requests a minute.</summary>
    public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<ApiScope> Scopes, DateTimeOffset? ExpiresAt, int? RequestsPerMinute);

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        // Admins only, and never an API key itself (no ApiKeyAccess here): a key cannot make or see keys.
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);

        keys.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApiKeys(), ct)))
            .WithName("ListApiKeys")
            .WithSummary("The workspace's API keys (never their secrets), with when and from where each was last used.");

        keys.MapPost("/", async (CreateApiKeyRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateApiKey(body.Name ?? "", body.Scopes ?? [], body.ExpiresAt, body.RequestsPerMinute), ct);
                return TypedResults.Created($"/api/v1/api-keys/{created.Key.Id}", created);
            })
            .WithName("CreateApiKey")
            .WithSummary("Make an API key with scopes and an optional expiry; the answer holds its secret, shown this once only.");

        keys.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevokeApiKey(id), ct)))
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key: it is refused from its next request (within seconds on every server).");
        return app;
    }
}
