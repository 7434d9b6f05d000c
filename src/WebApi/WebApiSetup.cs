using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.WebApi.Endpoints;
using BrandAutomator.WebApi.ErrorHandling;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.OpenApi;
using Mediator;

namespace BrandAutomator.WebApi;

public static class WebApiSetup
{
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            // Order: logging, validation, then authorisation/entitlement and transaction as they come.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        services.AddAuthentication();
        services.AddAuthorization();
        services.AddRateLimiter(_ => { });
        services.AddOpenApiDocument();
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLogging();

        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "AI Brand Automator v1"));

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthEndpoints();
        return app;
    }
}
