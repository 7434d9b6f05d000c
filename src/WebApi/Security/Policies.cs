using BrandAutomator.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace BrandAutomator.WebApi.Security;

/// <summary>
/// Every endpoint names one of these. Each requires a signed-in member of a tenant (a <c>tid</c> claim), or an API key
/// of the tenant whose scopes the endpoint accepts (<see cref="ApiKeyAccess"/>).
/// </summary>
public static class Policies
{
    /// <summary>Any member: admins, editors and viewers.</summary>
    public const string Viewer = "viewer";

    /// <summary>Members who create and change content: admins and editors.</summary>
    public const string Editor = "editor";

    /// <summary>Members who manage the team, sessions of others and billing.</summary>
    public const string Admin = "admin";

    public static AuthorizationBuilder AddTenantPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Viewer, p => Member(p).RequireClaim(TokenClaims.Role, "admin", "editor", "viewer"))
        .AddPolicy(Editor, p => Member(p).RequireClaim(TokenClaims.Role, "admin", "editor"))
        .AddPolicy(Admin, p => Member(p).RequireClaim(TokenClaims.Role, "admin"));

    private static AuthorizationPolicyBuilder Member(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(TokenClaims.TenantId).AddRequirements(new ApiKeyScopeRequirement());
}
