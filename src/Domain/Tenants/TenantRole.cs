namespace BrandAutomator.Domain.Tenants;

/// <summary>What a member may do in a tenant: admins manage the team and billing, editors create, viewers read.</summary>
public enum TenantRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
}

public static class TenantRoles
{
    public static string ToClaimValue(this TenantRole role) => role switch
    {
        TenantRole.Admin => "admin",
        TenantRole.Editor => "editor",
        _ => "viewer",
    };

    public static TenantRole Parse(string value) =>
        TryParse(value, out var role) ? role : throw new Common.DomainRuleException("Role is admin, editor or viewer.", "role");

    public static bool TryParse(string? value, out TenantRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "admin":
                role = TenantRole.Admin;
                return true;
            case "editor":
                role = TenantRole.Editor;
                return true;
            case "viewer":
                role = TenantRole.Viewer;
                return true;
            default:
                role = TenantRole.Viewer;
                return false;
        }
    }
}
