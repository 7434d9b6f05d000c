using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BrandAutomator.WebApi.OpenApi;

/// <summary>
/// States every operation's security from its endpoint's metadata: the bearer scheme where authorisation is required,
/// and an explicit empty list (<c>security: []</c>) where anyone may call it, so a generated client never has to guess.
/// </summary>
internal sealed class SecurityRequirementOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Security = RequiresAuthorization(metadata)
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [] }]
            : [];

        // Endpoints open to workspace API keys accept one instead, and say which permission the key needs.
        if (operation.Security.Count > 0 && metadata.OfType<Security.ApiKeyAccess>().LastOrDefault()?.For(context.ApiDescription.HttpMethod ?? "GET") is { } scope)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, context.Document)] = [] });
            operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : "") +
                                    $"API keys need the '{Application.ApiKeys.ApiScopeLabels.Label(scope)}' permission.";
        }
    }

    /// <summary>As the authorisation middleware decides: an <see cref="IAllowAnonymous"/> anywhere wins over any policy.</summary>
    internal static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}
