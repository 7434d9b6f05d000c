using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Auth;
using BrandAutomator.Infrastructure.Security;
using BrandAutomator.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandAutomator.WebApi.Endpoints;

public static class AuthEndpoints
{
    /// <summary>TimeZone: the browser's IANA zone, proposed for the new workspace (UTC when missing or unknown).</summary>
    public sealed record RegisterRequest([property: EmailAddress] string Email, string Password, string FullName, string CompanyName, string? TimeZone);

    public sealed record LoginRequest([property: EmailAddress] string Email, string Password, Guid? TenantId);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record SwitchTenantRequest(Guid TenantId);

    public sealed record AcceptInviteRequest(string Token, string Password, string? FullName);

    /// <summary>The invitation link's token, sent in the body so that it never lands in an access log.</summary>
    public sealed record InvitationPreviewRequest(string Token);

    public sealed record ForgotPasswordRequest(string Email);

    /// <summary>The reset link's user and token (from its fragment) and the new password.</summary>
    public sealed record ResetPasswordRequest(Guid UserId, string Token, string NewPassword);

    /// <summary><c>KeepThisSession</c>: stay signed in here; every other session ends either way.</summary>
    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword, bool KeepThisSession);

    /// <summary>The confirmation link's user and token (from its fragment).</summary>
    public sealed record VerifyEmailRequest(Guid UserId, string Token);

    public sealed record JsonWebKeySet(IReadOnlyList<PublicJsonWebKey> Keys);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy).AllowAnonymous();

        anonymous.MapPost("/register", async (RegisterRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/auth/sessions", await sender.Send(
                    new RegisterAccount(body.Email ?? "", body.Password ?? "", body.FullName ?? "", body.CompanyName ?? "", body.TimeZone), ct)))
            .WithName("RegisterAccount")
            .WithSummary("Sign up: creates a tenant with its own schema and its first admin.");

        anonymous.MapPost("/login", async Task<Results<Ok<AuthResponse>, Accepted<TwoFactorChallengeResponse>>> (
                LoginRequest body, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new SignIn(body.Email ?? "", body.Password ?? "", body.TenantId), ct);
                return outcome.Session is { } session
                    ? TypedResults.Ok(session)
                    : TypedResults.Accepted((string?)null, outcome.TwoFactor!);
            })
            .WithName("SignIn")
            .WithSummary("Sign in with e-mail and password; an account with two-factor sign-in gets a challenge (202) for POST /login/two-factor.");

        anonymous.MapPost("/refresh", async (RefreshRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RefreshSession(body.RefreshToken ?? ""), ct)))
            .WithName("RefreshSession")
            .WithSummary("Exchange a refresh token for a new pair (rotation with reuse detection).");

        anonymous.MapPost("/accept-invite", async (AcceptInviteRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptInvitation(body.Token ?? "", body.Password ?? "", body.FullName), ct)))
            .WithName("AcceptInvitation")
            .WithSummary("Accept an invitation: new users set a password, existing users confirm theirs.");

        anonymous.MapPost("/invitation-preview", async (InvitationPreviewRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PreviewInvitation(body.Token ?? ""), ct)))
            .WithName("PreviewInvitation")
            .WithSummary("What an invitation link is for: workspace, inviter, role, and whether the address has an account.");

        anonymous.MapPost("/password/forgot", async (ForgotPasswordRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RequestPasswordReset(body.Email ?? ""), ct);
                return TypedResults.Accepted((string?)null);
            })
            .RequireRateLimiting(RateLimits.AccountEmailPolicy)
            .WithName("RequestPasswordReset")
            .WithSummary("Forgot password: e-mails a single-use reset link if the address has an account; the same answer either way.");

        anonymous.MapPost("/password/reset", async (ResetPasswordRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ResetPassword(body.UserId, body.Token ?? "", body.NewPassword ?? ""), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .WithName("ResetPassword")
            .WithSummary("Set a new password from a reset link; the link dies and every session of the user ends.");

        anonymous.MapPost("/email/verify", async (VerifyEmailRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new VerifyEmail(body.UserId, body.Token ?? ""), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .WithName("VerifyEmail")
            .WithSummary("Confirm an e-mail address from the link sent to it.");

        var member = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy).RequireAuthorization(Policies.Viewer);

        member.MapPost("/logout", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SignOut(), ct);
                return TypedResults.NoContent();
            })
            .WithName("SignOut")
            .WithSummary("Sign out: ends the current session.");

        member.MapPost("/switch-tenant", async (SwitchTenantRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SwitchTenant(body.TenantId), ct)))
            .WithName("SwitchTenant")
            .WithSummary("Issue tokens for another tenant the caller belongs to.");

        member.MapGet("/sessions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListSessions(), ct)))
            .WithName("ListSessions")
            .WithSummary("The caller's open sessions.");

        member.MapDelete("/sessions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeSession(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeSession")
            .WithSummary("End one of the caller's sessions.");

        member.MapPost("/password/change", async (ChangePasswordRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ChangePassword(body.CurrentPassword ?? "", body.NewPassword ?? "", body.KeepThisSession), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .WithName("ChangePassword")
            .WithSummary("Change the caller's password with the current one; other sessions end (this one too unless kept).");

        member.MapPost("/email/send-verification", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SendEmailVerification(), ct);
                return TypedResults.Accepted((string?)null);
            })
            .RequireRateLimiting(RateLimits.AccountEmailPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SendEmailVerification")
            .WithSummary("E-mail the caller a new link to confirm their address (a few an hour).");

        app.MapGet("/.well-known/jwks.json", (SigningKeys keys) => TypedResults.Ok(new JsonWebKeySet([keys.PublicJwk])))
            .WithTags("Auth").AllowAnonymous().WithName("GetJsonWebKeySet").WithSummary("The public keys that verify access tokens.");
        return app;
    }
}
