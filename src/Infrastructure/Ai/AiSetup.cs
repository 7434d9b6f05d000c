using System.ClientModel;
using System.ClientModel.Primitives;
using BrandAutomator.Application.Ai;
using BrandAutomator.Infrastructure.Ai.Gemini;
using BrandAutomator.Infrastructure.Ai.Model;
using BrandAutomator.Infrastructure.Ai.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;

namespace BrandAutomator.Infrastructure.Ai;

/// <summary>The configured provider as the application sees it.</summary>
public sealed class ConfiguredAiProvider(IOptions<AiOptions> options) : IAiProvider
{
    public const string OfflineModel = "offline-templates-1";

    public AiProviderInfo Info { get; } = options.Value.Provider switch
    {
        AiProviderKind.Gemini => new AiProviderInfo("gemini", options.Value.Model!, Prompts.Revision),
        AiProviderKind.OpenAiCompatible => new AiProviderInfo("openai-compatible", options.Value.Model!, Prompts.Revision),
        _ => new AiProviderInfo(AiProviderInfo.OfflineName, OfflineModel, Prompts.Revision),
    };
}

public static class AiSetup
{
    public const string GeminiHttpClient = "gemini";

    /// <summary>
    /// Section <c>Ai</c> picks the provider: Offline (the default) registers the template implementations of the AI
    /// ports; Gemini and OpenAiCompatible register one <see cref="IChatClient"/> and the model-backed implementations.
    /// </summary>
    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAiProvider, ConfiguredAiProvider>();
        services.AddScoped<IAiUsageMeter, AiUsageMeter>();
        services.AddScoped<IAiResponseCache, AiResponseCache>();

        var provider = configuration.GetSection(AiOptions.Section).GetValue<AiProviderKind?>(nameof(AiOptions.Provider)) ?? AiProviderKind.Offline;
        if (provider == AiProviderKind.Offline)
        {
            services.AddSingleton<IBrandStrategist, OfflineBrandStrategist>();
            services.AddSingleton<IStrategyGenerator, OfflineStrategyGenerator>();
            services.AddSingleton<IMarketAnalyst, OfflineMarketAnalyst>();
            services.AddSingleton<IPostDrafter, OfflinePostDrafter>();
            services.AddSingleton<Application.Social.IProfileBioWriter, OfflineProfileBioWriter>();
            services.AddSingleton<Application.BrandGuard.IBrandGuardReviewer, OfflineBrandGuardReviewer>();
            return services;
        }

        services.AddHttpClient(GeminiHttpClient, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AiOptions>>().Value.TimeoutSeconds));
        services.AddSingleton(sp => provider == AiProviderKind.Gemini ? CreateGemini(sp) : CreateOpenAiCompatible(sp));
        services.AddSingleton<IBrandStrategist, ModelBrandStrategist>();
        services.AddSingleton<StructuredCall>();
        services.AddSingleton<IStrategyGenerator, ModelStrategyGenerator>();
        services.AddSingleton<IMarketAnalyst, ModelMarketAnalyst>();
        services.AddSingleton<IPostDrafter, ModelPostDrafter>();
        services.AddSingleton<Application.Social.IProfileBioWriter, ModelProfileBioWriter>();
        services.AddSingleton<Application.BrandGuard.IBrandGuardReviewer, ModelBrandGuardReviewer>();
        return services;
    }

    private static IChatClient CreateGemini(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        var settings = new GeminiSettings(options.EffectiveBaseUrl, options.ApiKey!, options.Model!, options.MaxRetries,
            TimeSpan.FromSeconds(options.MaxRetryDelaySeconds));
        return new GeminiChatClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(GeminiHttpClient), settings,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<GeminiChatClient>>());
    }

    private static IChatClient CreateOpenAiCompatible(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        var client = new OpenAIClient(
            // Local servers (Ollama, vLLM) take no key, but the client insists on one.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.EffectiveBaseUrl,
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            });
        return new ProviderFailures(client.GetChatClient(options.Model!).AsIChatClient(), "OpenAI-compatible provider", options.Model!);
    }
}
