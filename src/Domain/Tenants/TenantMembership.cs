using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Tenants;

/// <summary>A user's place in a tenant. A user may belong to several tenants, with one role in each.</summary>
public sealed class TenantMembership
{
    private TenantMembership()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public TenantRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public static TenantMembership Create(Guid tenantId, Guid userId, TenantRole role, DateTimeOffset now) =>
        new() { TenantId = tenantId, UserId = userId, Role = role, JoinedAt = now };

    /// <summary>Changes the role; the last admin of a tenant cannot stop being one.</summary>
    public void ChangeRole(TenantRole role, int adminCount)
    {
        if (Role == TenantRole.Admin && role != TenantRole.Admin && adminCount <= 1)
        {
            throw new DomainRuleException("A tenant keeps at least one admin. Make someone else admin first.", "role");
        }

        Role = role;
    }

    /// <summary>Checks that the member may leave; the last admin may not.</summary>
    public void EnsureCanBeRemoved(int adminCount)
    {
        if (Role == TenantRole.Admin && adminCount <= 1)
        {
            throw new DomainRuleException("The last admin of a tenant cannot be removed.");
        }
    }
}
