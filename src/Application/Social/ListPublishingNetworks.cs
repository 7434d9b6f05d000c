using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>An account a post can go out through, as the composer offers it.</summary>
public sealed record NetworkAccountDto(Guid Id, Guid? CompanyId, string DisplayName, ConnectionHealth Health, bool CanPublish);

/// <summary>
/// One network as the composer shows it: its working accounts, whether this server can connect it at all and, for
/// admins only, why not.
/// </summary>
public sealed record PublishingNetworkDto(
    SocialPlatform Platform, string Name, bool Configured, bool Connected, string? UnavailableReason, IReadOnlyList<NetworkAccountDto> Accounts);

/// <summary>Every network, with the accounts that can carry posts now and whether the others can be connected here.</summary>
public sealed record ListPublishingNetworks : IQuery<IReadOnlyList<PublishingNetworkDto>>;

public sealed class ListPublishingNetworksHandler(ITenantDb db, ISocialAuthorizationServer server, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListPublishingNetworks, IReadOnlyList<PublishingNetworkDto>>
{
    public async ValueTask<IReadOnlyList<PublishingNetworkDto>> Handle(ListPublishingNetworks query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connections = await db.SocialConnections.AsNoTracking()
            .Where(c => c.Status != ConnectionStatus.Revoked).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var isAdmin = user.Role == TenantRole.Admin;
        return Enum.GetValues<SocialPlatform>().Select(platform =>
        {
            var accounts = connections.Where(c => c.Platform == platform)
                .Select(c => new NetworkAccountDto(c.Id, c.CompanyId, c.DisplayName, c.HealthAt(now), c.CanCarryPostsAt(now))).ToList();
            var configured = server.IsConfigured(platform);
            // Members hear that it is unavailable; only an admin can do something about the server's set-up.
            var reason = configured || !isAdmin ? null : NetworkAvailability.UnavailableNote(platform);
            return new PublishingNetworkDto(platform, platform.DisplayName(), configured, accounts.Any(a => a.CanPublish), reason, accounts);
        }).ToList();
    }
}
