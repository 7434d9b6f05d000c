using BrandAutomator.Application.Auth;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class TwoFactorEndpoints
{
    /// <summary>The challenge from POST /login and either a code from the authenticator app or a recovery code.</summary>
    public sealed record TwoFactorSignInRequest(string Challenge, string? Code, string? RecoveryCode);

    /// <summary>A 6-digit code from the authenticator app.</summary>
    public sealed record AuthenticatorCodeRequest(string Code);

    /// <summary>Proof for turning two-factor sign-in off: a code (from the app, or a recovery code) or the password.</summary>
    public sealed record DisableTwoFactorRequest(string? Code, string? Password);

    public static IEndpointRouteBuilder MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login/two-factor", async (TwoFactorSignInRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteTwoFactorSignIn(body.Challenge ?? "", body.Code, body.RecoveryCode), ct)))
            .WithTags("Auth").AllowAnonymous()
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .WithName("CompleteTwoFactorSignIn")
            .WithSummary("Second step of signing in: the challenge and a code from the authenticator app or a single-use recovery code.");

        var member = app.MapGroup("/api/v1/auth/two-factor").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy)
            .RequireAuthorization(Policies.Viewer);

        member.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTwoFactorStatus(), ct)))
            .WithName("GetTwoFactorStatus")
            .WithSummary("Whether the caller signs in with a second factor, recovery codes left, and whether the workspace requires it.");

        member.MapPost("/authenticator", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartAuthenticatorEnrolment(), ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartAuthenticatorEnrolment")
            .WithSummary("A new authenticator key (text, otpauth:// URI and QR code); nothing changes until a code confirms it.");

        member.MapPost("/enable", async (AuthenticatorCodeRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EnableTwoFactor(body.Code ?? ""), ct)))
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnableTwoFactor")
            .WithSummary("Turn on two-factor sign-in with a code from the new key; answers ten recovery codes, shown once; other sessions end.");

        member.MapPost("/disable", async (DisableTwoFactorRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DisableTwoFactor(body.Code, body.Password), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DisableTwoFactor")
            .WithSummary("Turn off two-factor sign-in with a code or the password; the key and recovery codes are forgotten, other sessions end.");

        member.MapPost("/recovery-codes", async (AuthenticatorCodeRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RenewRecoveryCodes(body.Code ?? ""), ct)))
            .RequireRateLimiting(RateLimits.CodeCheckPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RenewRecoveryCodes")
            .WithSummary("Ten new recovery codes, shown once, with a code from the app; the old ones stop working.");
        return app;
    }
}
