namespace BrandAutomator.WebApi.Security;

/// <summary>
/// A workspace that requires two-step verification, for a member who has not set it up: the session works for setting
/// it up and for the account itself (everything under <c>/api/v1/auth/</c>: two-step set-up, password, sessions, sign-out,
/// another workspace), for the list of the member's workspaces, and for the shell's time zone and notifications; every
/// other request is refused with 403 until a second factor is on. The web app sends such members to the set-up page;
/// this makes the rule hold for every other client too. Whether a session is in that state comes from
/// <see cref="SessionCheck"/> (the per-session memory of <c>AccessGrants</c>), so turning the rule on applies within
/// <c>Jwt:SessionCheckSeconds</c> and setting up a factor at the next request.
/// </summary>
public static class TwoFactorGate
{
    public const string ItemKey = "BrandAutomator.TwoFactorSetUpFirst";

    public const string Detail =
        "This workspace requires two-step verification. Turn it on in your account settings (Security), then try again.";

    private static readonly string[] OpenPrefixes = ["/api/v1/auth/"];

    /// <summary>Reads of exactly these paths: the member's workspaces (not one workspace's details).</summary>
    private static readonly string[] OpenExactReads = ["/api/v1/tenants"];

    /// <summary>Reads of these paths and everything under them: the shell's settings and notifications.</summary>
    private static readonly string[] OpenReadPrefixes = ["/api/v1/content/settings", "/api/v1/notifications"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items.ContainsKey(ItemKey) && !IsOpen(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Two-step verification required.",
                        Detail = Detail,
                        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    },
                });
                return;
            }

            await next();
        });

    private static bool IsOpen(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return OpenPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || (HttpMethods.IsGet(request.Method)
                && (OpenExactReads.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    || OpenReadPrefixes.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))));
    }
}
