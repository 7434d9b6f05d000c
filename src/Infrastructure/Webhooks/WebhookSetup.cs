using System.Net;
using BrandAutomator.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>Outbound webhooks' composition: options, the network rules of the environment, the signed sender on its own client.</summary>
public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Private and loopback receivers only outside Production: the fakes of tests and a developer's own machine.
        services.AddSingleton(sp => new WebhookNetworkRules(allowPrivateNetworks: !sp.GetRequiredService<IHostEnvironment>().IsProduction()));
        services.AddSingleton<IWebhookTargetPolicy, WebhookTargetPolicy>();
        services.AddSingleton<IWebhookSecretProtector, WebhookSecretProtector>();
        services.AddHttpClient<IWebhookSender, WebhookHttpSender>(WebhookHttpSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var rules = sp.GetRequiredService<WebhookNetworkRules>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    AutomaticDecompression = DecompressionMethods.None,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => WebhookHttpSender.ConnectAsync(rules, context, ct),
                };
            });
        return services;
    }
}
