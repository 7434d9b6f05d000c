using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BrandAutomator.WebApi.Security;

/// <summary>A 403 to an API key says why (which permission it lacks, or that keys cannot do this at all); others as before.</summary>
public sealed class ApiKeyForbiddenResults : IAuthorizationMiddlewareResultHandler
{
    private const string NotForKeys = "API keys cannot do this; it needs a member signed in to the workspace.";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !context.User.IsApiKey())
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is ApiKeyScopeHandler)?.Message ?? NotForKeys;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 403, Title = "Forbidden.", Detail = reason },
        });
    }
}
