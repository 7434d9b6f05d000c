using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

/// <summary>The members of the caller's tenant.</summary>
public sealed record ListMembers(Guid TenantId) : IQuery<IReadOnlyList<MemberDto>>;

public sealed class ListMembersHandler(ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser)
    : IQueryHandler<ListMembers, IReadOnlyList<MemberDto>>
{
    public async ValueTask<IReadOnlyList<MemberDto>> Handle(ListMembers query, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(query.TenantId);
        var memberships = await catalog.Memberships.Where(m => m.TenantId == query.TenantId).ToListAsync(cancellationToken);
        var users = (await identity.FindByIdsAsync(memberships.Select(m => m.UserId).ToList(), cancellationToken)).ToDictionary(u => u.Id);
        return memberships
            .Where(m => users.ContainsKey(m.UserId))
            .Select(m => new MemberDto(m.UserId, users[m.UserId].Email, users[m.UserId].FullName, m.Role.ToClaimValue(), m.JoinedAt))
            .OrderBy(m => m.JoinedAt)
            .ToList();
    }
}
