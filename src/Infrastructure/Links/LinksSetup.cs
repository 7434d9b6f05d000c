using BrandAutomator.Application.Links;
using BrandAutomator.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Infrastructure.Links;

public static class LinksSetup
{
    /// <summary>Short links: the shortener used when publishing, the cached directory the redirect reads, and the click counter.</summary>
    public static IServiceCollection AddShortLinks(this IServiceCollection services)
    {
        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Without a short domain of their own, links are made on the product's public address.
        services.AddSingleton<IPostConfigureOptions<LinkOptions>>(sp => new PostConfigureOptions<LinkOptions>(Options.DefaultName, links =>
        {
            if (string.IsNullOrWhiteSpace(links.BaseUrl))
            {
                links.BaseUrl = sp.GetRequiredService<IOptions<EmailOptions>>().Value.PublicBaseUrl;
            }
        }));
        services.AddScoped<LinkShortener>();
        services.AddSingleton<IShortLinkDirectory, ShortLinkDirectory>();
        services.AddSingleton<ShortLinkClickCounter>();
        services.AddSingleton<IClickCounter>(sp => sp.GetRequiredService<ShortLinkClickCounter>());
        services.AddHostedService(sp => sp.GetRequiredService<ShortLinkClickCounter>());
        return services;
    }
}
