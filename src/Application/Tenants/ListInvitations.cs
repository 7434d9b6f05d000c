using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

/// <summary>The invitations of the caller's tenant still waiting for an answer.</summary>
public sealed record ListInvitations(Guid TenantId) : IQuery<IReadOnlyList<InvitationDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ListInvitationsHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListInvitations, IReadOnlyList<InvitationDto>>
{
    public async ValueTask<IReadOnlyList<InvitationDto>> Handle(ListInvitations query, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(query.TenantId);
        var now = clock.GetUtcNow();
        var rows = await catalog.Invitations
            .Where(i => i.TenantId == query.TenantId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(i => new InvitationDto(i.Id, i.Email, i.Role.ToClaimValue(), i.CreatedAt, i.ExpiresAt)).ToList();
    }
}
