using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Auth;
using BrandAutomator.Infrastructure.Security;
using BrandAutomator.WebApi.Security;
using Mediator;

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

    public sealed record JsonWebKeySet(IReadOnlyList<PublicJsonWebKey> Keys);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy).AllowAnonymous();

        anonymous.MapPost("/register", async (RegisterRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/auth/sessions", await sender.Send(
                    new RegisterAccount(body.Email ?? "", body.Password ?? "", body.FullName ?? "", body.CompanyName ?? "", body.TimeZone), ct)))
            .WithName("RegisterAccount")
            .WithSummary("Sign up: creates a tenant with its own schema and its first admin.");

        anonymous.MapPost("/login", async (LoginRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SignIn(body.Email ?? "", body.Password ?? "", body.TenantId), ct)))
            .WithName("SignIn")
            .WithSummary("Sign in with e-mail and password.");

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

        app.MapGet("/.well-known/jwks.json", (SigningKeys keys) => TypedResults.Ok(new JsonWebKeySet([keys.PublicJwk])))
            .WithTags("Auth").AllowAnonymous().WithName("GetJsonWebKeySet").WithSummary("The public keys that verify access tokens.");
        return app;
    }
}
