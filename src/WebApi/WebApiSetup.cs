using System.Text.Json.Serialization;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.WebApi.Endpoints;
using BrandAutomator.WebApi.ErrorHandling;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.OpenApi;
using BrandAutomator.WebApi.Security;
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
            // Order: logging, validation, authorisation, entitlement, then the transaction around the handler alone.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(AuthorizationBehavior<,>),
                typeof(EntitlementBehavior<,>), typeof(TransactionBehavior<,>),
            ];
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            FrameworkProblems.Explain(context.ProblemDetails);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Enums travel as camelCase strings ("admin"); the MVC options are the ones the OpenAPI generator reads.
        // Every string of a JSON body meets the text rule (TextInput); only the endpoints' options, not the OpenAPI generator's.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Converters.Add(new CheckedStringConverter());
            options.SerializerOptions.Converters.Add(new NoNullItemsConverterFactory());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

        services.AddTrustedProxies();
        services.AddTokenAuthentication();
        services.AddApiKeyAuthentication();
        services.AddIdempotencyKeys();
        services.AddApiRateLimits();
        services.AddOpenApiDocument();
        services.AddSpaHosting();
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<TextInputGuardMiddleware>();
        app.UseSpaStaticFiles();

        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "AI Brand Automator v1"));

        app.UseAuthentication();
        app.UseTwoFactorGate();
        app.UseTenantFromToken();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseIdempotencyKeys();

        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapExternalLoginEndpoints();
        app.MapTenantEndpoints();
        app.MapCompanyEndpoints();
        app.MapOnboardingEndpoints();
        app.MapAssetEndpoints();
        app.MapBrandGuardEndpoints();
        app.MapAiEndpoints();
        app.MapFileEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapSpaFallback();
        app.MapContentEndpoints();
        app.MapContentImportEndpoints();
        app.MapQueueEndpoints();
        app.MapAutomationEndpoints();
        app.MapProfileKitEndpoints();
        app.MapSocialEndpoints();
        app.MapDriveEndpoints();
        app.MapDashboardEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapNotificationEndpoints();
        app.MapApiKeyEndpoints();
        app.MapWebhookEndpoints();
        app.MapReviewEndpoints();
        app.MapRecurringEndpoints();
        app.MapFeedEndpoints();
        app.MapLinkEndpoints();
        app.MapSnippetEndpoints();
        return app;
    }
}
