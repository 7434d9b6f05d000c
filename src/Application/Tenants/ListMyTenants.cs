using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

/// <summary>The tenants the caller belongs to, with their role in each.</summary>
public sealed record ListMyTenants : IQuery<IReadOnlyList<TenantDto>>;

public sealed class ListMyTenantsHandler(ICatalogDb catalog, ICurrentUser currentUser) : IQueryHandler<ListMyTenants, IReadOnlyList<TenantDto>>
{
    public async ValueTask<IReadOnlyList<TenantDto>> Handle(ListMyTenants query, CancellationToken cancellationToken)
    {
        var rows = await catalog.Memberships
            .Where(m => m.UserId == currentUser.UserId)
            .Join(catalog.Tenants.Where(t => t.State == TenantState.Ready), m => m.TenantId, t => t.Id, (m, t) => new { m.Role, Tenant = t })
            .OrderBy(x => x.Tenant.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TenantDto(
            r.Tenant.Id, r.Tenant.Name, r.Tenant.Slug, r.Role.ToClaimValue(), r.Tenant.TimeZone, r.Tenant.CreatedAt,
            r.Tenant.Id == currentUser.TenantId, r.Tenant.RequiresTwoFactor)).ToList();
    }
}
