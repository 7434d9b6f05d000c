using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace BrandAutomator.WebApi.Security;

/// <summary>
/// After the signature and lifetime hold: the token's session must still be live and its role the member's current
/// one (<see cref="AccessGrants"/>). Otherwise the request is unauthenticated (401), which sends the SPA to refresh:
/// a changed role comes back in the new token, an ended session or membership gets no new token.
/// </summary>
public static class SessionCheck
{
    public const string Ended = "The session has ended. Sign in again.";
    public const string RoleChanged = "Your role in this workspace has changed. Refresh your session.";

    private const string ReasonKey = "BrandAutomator.SessionCheck";

    public static async Task RefuseEndedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal is null ||
            !Guid.TryParse(principal.FindFirst(TokenClaims.SessionId)?.Value, out var sessionId) ||
            !Guid.TryParse(principal.FindFirst("sub")?.Value, out var userId) ||
            !Guid.TryParse(principal.FindFirst(TokenClaims.TenantId)?.Value, out var tenantId) ||
            !TenantRoles.TryParse(principal.FindFirst(TokenClaims.Role)?.Value, out var role))
        {
            Refuse(context, Ended);
            return;
        }

        var grants = context.HttpContext.RequestServices.GetRequiredService<AccessGrants>();
        switch (await grants.CheckAsync(sessionId, userId, tenantId, role, context.HttpContext.RequestAborted))
        {
            case AccessGrant.SessionEnded:
                Refuse(context, Ended);
                break;
            case AccessGrant.RoleChanged:
                Refuse(context, RoleChanged);
                break;
            case AccessGrant.TwoFactorSetUpFirst:
                // Signed in, but only to set up a second factor: TwoFactorGate refuses the rest with 403.
                context.HttpContext.Items[TwoFactorGate.ItemKey] = true;
                break;
        }
    }

    /// <summary>The 401 names the reason (problem details and <c>WWW-Authenticate</c>) when the session check refused the token.</summary>
    public static async Task ExplainAsync(JwtBearerChallengeContext context)
    {
        if (context.HttpContext.Items[ReasonKey] is not string reason)
        {
            return;
        }

        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized.",
                Detail = reason,
            },
        });
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        context.HttpContext.Items[ReasonKey] = reason;
        context.Fail(reason);
    }
}
