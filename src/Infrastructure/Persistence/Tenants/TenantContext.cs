using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>Scoped: the tenant of this request or job, set once.</summary>
public sealed class TenantContext : ITenantContext
{
    private Guid? _tenantId;

    public bool IsSet => _tenantId is not null;

    public Guid TenantId => _tenantId ?? throw new InvalidOperationException("No tenant is set for this scope.");

    public string SchemaName => Tenant.SchemaNameFor(TenantId);

    public void Use(Guid tenantId)
    {
        if (_tenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("This scope already works for another tenant.");
        }

        _tenantId = tenantId;
    }
}
