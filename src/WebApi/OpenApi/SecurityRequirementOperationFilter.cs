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
        operation.Security = RequiresAuthorization(context.ApiDescription.ActionDescriptor.EndpointMetadata)
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [] }]
            : [];
    }

    /// <summary>As the authorisation middleware decides: an <see cref="IAllowAnonymous"/> anywhere wins over any policy.</summary>
    internal static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}
