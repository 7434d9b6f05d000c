using System.Net;
using System.Net.Sockets;

namespace BrandAutomator.Infrastructure.Webhooks;

/// <summary>
/// Which addresses webhooks may reach. In Production only public unicast addresses: never loopback, private (RFC 1918),
/// carrier-grade NAT (100.64/10), link-local (169.254/16, where cloud metadata services answer; fe80::/10), unique-local
/// (fc00::/7), unspecified, multicast, documentation or reserved ranges, nor an IPv6 address that embeds one of those.
/// Elsewhere (Development, tests) everything is allowed, so local fakes can receive.
/// </summary>
public sealed class WebhookNetworkRules(bool allowPrivateNetworks)
{
    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    public bool Allows(IPAddress address) => AllowPrivateNetworks || IsPublic(address);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses carry an IPv4 address in their last four bytes.
        if ((v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6.Skip(4).Take(8).All(x => x == 0))
            || v6.Take(12).All(x => x == 0))
        {
            return IsPublic(new IPAddress(v6[12..]));
        }

        // 2001:db8::/32 is for documentation only.
        return !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8);
    }
}

/// <summary>A webhook's address resolved only to addresses the instance may not reach.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"{host} is a private or local network address, which this server does not send webhooks to.");
