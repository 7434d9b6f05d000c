using BrandAutomator.Application.Social;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Profiles;

/// <summary>Profile kits and Google Business Profile locations: the image renderer and the network adapters on typed HTTP clients.</summary>
public static class ProfilesSetup
{
    public static IServiceCollection AddProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleBusinessProfileOptions>().BindConfiguration(GoogleBusinessProfileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var timeout = TimeSpan.FromSeconds(
            configuration.GetSection(GoogleBusinessProfileOptions.Section).Get<GoogleBusinessProfileOptions>()?.RequestTimeoutSeconds ?? 30);
        services.AddSingleton<IProfileImageRenderer, SkiaProfileImageRenderer>();
        services.AddHttpClient<IGoogleBusinessLocations, GoogleBusinessLocationsClient>(client => client.Timeout = timeout);
        services.AddHttpClient<IProfilePusher, ProfilePusher>(client => client.Timeout = timeout);
        return services;
    }
}
