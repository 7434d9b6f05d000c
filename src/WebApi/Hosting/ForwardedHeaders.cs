using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>Section <c>ForwardedHeaders</c>: which proxies (Kong) may tell the API the client's real address.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Networks (CIDR, e.g. 172.16.0.0/12) whose X-Forwarded-For is believed. Empty: no proxy is trusted.</summary>
    public List<string> TrustedNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in TrustedNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"'{network}' is not a network in CIDR form.", [nameof(TrustedNetworks)]);
            }
        }
    }
}

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind Kong the connection comes from the gateway; only a trusted proxy's X-Forwarded-For names the client,
    /// which the per-IP rate limits and the audit log then see.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // With no known proxy and no known network the middleware checks no address at all and believes everyone:
            // so no configured network means no forwarded header is read.
            forwarded.ForwardedHeaders = proxies.Value.TrustedNetworks.Count == 0
                ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // The framework's defaults trust loopback (127.0.0.0/8 and ::1): a client on the same host could then name
            // any address. Only the configured networks are trusted; both network lists are read by the middleware.
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds 127.0.0.0/8 by default
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            forwarded.KnownProxies.Clear();
            foreach (var network in proxies.Value.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            forwarded.ForwardLimit = 1;
        });
        return services;
    }
}
