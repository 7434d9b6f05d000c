using BrandAutomator.Application.Common.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Security;

public static class ApiKeySetup
{
    /// <summary>The key check (with its short memory) and the last-used writer.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<IApiKeyRevocation>(sp => sp.GetRequiredService<ApiKeyVerifier>());
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        return services;
    }
}
