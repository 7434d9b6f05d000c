using System.Net;
using System.Net.Sockets;
using BrandAutomator.Application.Webhooks;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>
/// The check when an endpoint is saved: in Production an https address whose host is, or resolves to, public addresses
/// only. The sender checks again at every connection (<see cref="WebhookHttpSender"/>), because a name may later resolve
/// elsewhere (DNS rebinding).
/// </summary>
public sealed class WebhookTargetPolicy(WebhookNetworkRules rules) : IWebhookTargetPolicy
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (rules.AllowPrivateNetworks)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "Use an https:// address: events carry your workspace's data and must be encrypted on the way.";
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(LookupTimeout);
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"The host name {url.Host} could not be found. Check the address.";
            }
        }

        if (addresses.Length == 0)
        {
            return $"The host name {url.Host} could not be found. Check the address.";
        }

        return addresses.All(rules.Allows)
            ? null
            : $"{url.Host} is or leads to a private or local network address (such as 10.x, 192.168.x, 127.x or 169.254.x); webhooks go only to public addresses.";
    }
}
