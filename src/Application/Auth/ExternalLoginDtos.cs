using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.Application.Auth;

/// <summary>A provider people can sign in with on this server: its key in paths and its name.</summary>
public sealed record ExternalProviderDto(string Key, string Name);

/// <summary>Where to send the browser to sign in at the provider.</summary>
public sealed record ExternalAuthorizationDto(string AuthorizationUrl);

public sealed record ExternalLoginDto(string Key, string Name, bool Linked);

/// <summary>The ways the caller can sign in: each configured provider, linked or not, and whether they have a password.</summary>
public sealed record ExternalLoginsDto(IReadOnlyList<ExternalLoginDto> Providers, bool HasPassword);

/// <summary>Builds <see cref="ExternalLoginsDto"/>: what the list, link and unlink use cases all answer.</summary>
internal static class ExternalLoginsView
{
    public static async Task<ExternalLoginsDto> DescribeAsync(
        IExternalIdentityProviders providers, IExternalLogins logins, Guid userId, CancellationToken cancellationToken)
    {
        var (linked, hasPassword) = await logins.WaysInAsync(userId, cancellationToken);
        return new ExternalLoginsDto(providers.Configured.Select(p => new ExternalLoginDto(p.Key, p.Name, linked.Contains(p.Key))).ToList(), hasPassword);
    }
}
