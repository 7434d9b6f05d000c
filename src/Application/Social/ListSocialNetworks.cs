using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Social;

/// <summary>
/// A network as this server offers it: whether accounts on it can be connected here. <see cref="AdminNote"/> says why
/// not, in words for the workspace's admins (never a setting's name); other members only see that it is unavailable.
/// </summary>
public sealed record SocialNetworkDto(SocialPlatform Platform, string Name, bool Available, string? AdminNote);

public sealed record ListSocialNetworks : IQuery<IReadOnlyList<SocialNetworkDto>>;

public sealed class ListSocialNetworksHandler(ISocialAuthorizationServer server, ICurrentUser user)
    : IQueryHandler<ListSocialNetworks, IReadOnlyList<SocialNetworkDto>>
{
    public ValueTask<IReadOnlyList<SocialNetworkDto>> Handle(ListSocialNetworks query, CancellationToken cancellationToken)
    {
        var isAdmin = user.Role == TenantRole.Admin;
        IReadOnlyList<SocialNetworkDto> networks = Enum.GetValues<SocialPlatform>()
            .Select(p => server.IsConfigured(p)
                ? new SocialNetworkDto(p, p.DisplayName(), true, null)
                : new SocialNetworkDto(p, p.DisplayName(), false, isAdmin ? NetworkAvailability.UnavailableNote(p) : null))
            .ToList();
        return ValueTask.FromResult(networks);
    }
}
