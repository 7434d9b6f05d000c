using BrandAutomator.WebApi.Hosting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BrandAutomator.WebApi.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on the create endpoints that honour it (<see cref="IdempotentCreation"/>).</summary>
internal sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreation>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A key of your choosing (a UUID) that makes this request safe to repeat: the same key with the same request " +
                          "within 24 hours returns the first answer without creating again; with a different request it is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
    }
}
