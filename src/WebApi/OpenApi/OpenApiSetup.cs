using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BrandAutomator.WebApi.OpenApi;

public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "AI Brand Automator API",
                Version = "v1",
                Description = "Brand strategy, grounded AI guidance, social profiles and a self-publishing content calendar.",
                // No licence is granted: the API is offered under the operator's terms of service.
                License = new OpenApiLicense { Name = "Proprietary" },
            });
            // Relative: the document describes the server it is served from (directly, or behind Kong under the same paths).
            options.AddServer(new OpenApiServer { Url = "/", Description = "The server this document is served from." });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from /api/v1/auth/login or /api/v1/auth/register.",
            });
            options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Security.ApiKeyAuthentication.HeaderName,
                Description = "A workspace API key (ba_live_…) made by an admin under Settings, API keys; also accepted as " +
                              "`Authorization: Bearer ba_live_…`. Operations that accept keys name the permission they need.",
            });
            options.OperationFilter<SecurityRequirementOperationFilter>();
            options.OperationFilter<IdempotencyKeyOperationFilter>();
            options.OperationFilter<ProblemResponsesOperationFilter>();
            options.DocumentFilter<TagDescriptionsDocumentFilter>();
            // The SPA's client is generated from this document: `string Name` must read as a required, non-null
            // string there, and `string? Website` as an optional one.
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<RequiredUnlessNullableSchemaFilter>();
            options.CustomSchemaIds(SchemaId);
        });
        return services;
    }

    // Short, readable and valid per OpenAPI 3 (^[a-zA-Z0-9.\-_]+$): "RegisterRequest", "ContentItemDto", "ListOfCompanyDto".
    // Generated clients name their types after these, so no namespace leaks into them; two types with one name are
    // refused when the document is built (Swashbuckle's "Conflicting schemaIds"), and the snapshot test builds it.
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return name + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaId));
        }

        if (type.IsArray)
        {
            return "ArrayOf" + SchemaId(type.GetElementType()!);
        }

        return type.Name;
    }

    /// <summary>Lists every property whose CLR type is not nullable (value types included) as required.</summary>
    private sealed class RequiredUnlessNullableSchemaFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            // Problem details are written by the framework with whichever members apply (a 400 without field errors
            // has no `errors`), so none of their members is promised.
            if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.Type.IsEnum ||
                typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type))
            {
                return;
            }

            var nullability = new NullabilityInfoContext();
            foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (concrete.Properties.ContainsKey(name) && nullability.Create(property).ReadState != NullabilityState.Nullable)
                {
                    concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
                    concrete.Required.Add(name);
                }
            }
        }
    }
}
