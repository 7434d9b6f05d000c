using BrandAutomator.Application.ApiKeys;
using BrandAutomator.Domain.ApiKeys;
using Microsoft.AspNetCore.Authorization;

namespace BrandAutomator.WebApi.Security;

/// <summary>
/// Endpoint metadata: API keys may call this endpoint, reads (GET) with <see cref="Read"/>, anything else with
/// <see cref="Write"/>. An endpoint without it (team, sessions, billing, keys themselves...) is closed to every key.
/// </summary>
public sealed record ApiKeyAccess(ApiScope? Read, ApiScope? Write)
{
    public ApiScope? For(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Read : Write;
}

public static class ApiKeyAccessExtensions
{
    /// <summary>Opens the endpoints to API keys holding <paramref name="read"/> for reads and <paramref name="write"/> for the rest.</summary>
    public static TBuilder AllowApiKeys<TBuilder>(this TBuilder builder, ApiScope read, ApiScope? write = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiKeyAccess(read, write ?? read));

    /// <summary>Closes an endpoint of an open group to API keys (it acts for a person, not a workspace).</summary>
    public static TBuilder RefuseApiKeys<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiKeyAccess(null, null));
}

/// <summary>Part of every policy: an API key passes only where the endpoint opens to its scope; a person always passes.</summary>
public sealed class ApiKeyScopeRequirement : IAuthorizationRequirement;

public sealed class ApiKeyScopeHandler : AuthorizationHandler<ApiKeyScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyScopeRequirement requirement)
    {
        if (!context.User.IsApiKey())
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var http = context.Resource as HttpContext;
        var access = http?.GetEndpoint()?.Metadata.GetMetadata<ApiKeyAccess>();
        if (http is null || access?.For(http.Request.Method) is not { } scope)
        {
            context.Fail(new AuthorizationFailureReason(this, "API keys cannot do this; it needs a member signed in to the workspace."));
        }
        else if (!context.User.HasClaim(ApiKeyAuthentication.ScopeClaim, ApiKeyAuthentication.ScopeValue(scope)))
        {
            context.Fail(new AuthorizationFailureReason(this, $"This API key may not do this: it needs the '{ApiScopeLabels.Label(scope)}' permission."));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
