using BrandAutomator.Application.Tenants;
using System.ComponentModel.DataAnnotations;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class TenantEndpoints
{
    public sealed record CreateTenantRequest(string Name);

    public sealed record InviteRequest([property: EmailAddress] string Email, TenantRole Role);

    public sealed record RoleRequest(TenantRole Role);

    /// <summary>An IANA time zone id, such as Europe/Berlin.</summary>
    public sealed record TimeZoneRequest(string TimeZone);

    public sealed record TwoFactorRequirementRequest(bool Required);

    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants").WithTags("Tenants").RequireAuthorization(Policies.Viewer);

        tenants.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyTenants(), ct)))
            .WithName("ListTenants")
            .WithSummary("The tenants the caller belongs to.");

        tenants.MapPost("/", async (CreateTenantRequest body, ISender sender, CancellationToken ct) =>
            {
                var tenant = await sender.Send(new CreateTenant(body.Name ?? ""), ct);
                return TypedResults.Created($"/api/v1/tenants/{tenant.Id}", tenant);
            })
            .WithIdempotencyKey()
            .WithName("CreateTenant")
            .WithSummary("Create another tenant with the caller as admin.");

        tenants.MapGet("/{id:guid}/users", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMembers(id), ct)))
            .WithName("ListMembers")
            .WithSummary("The members of the caller's tenant.");

        var admin = tenants.MapGroup("/{id:guid}").RequireAuthorization(Policies.Admin);

        admin.MapPost("/users/invite", async (Guid id, InviteRequest body, ISender sender, CancellationToken ct) =>
            {
                var invitation = await sender.Send(new InviteMember(id, body.Email ?? "", body.Role), ct);
                return TypedResults.Created($"/api/v1/tenants/{id}/invitations/{invitation.Id}", invitation);
            })
            .WithIdempotencyKey()
            .WithName("InviteMember")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Invite someone by e-mail with a role.");

        admin.MapGet("/invitations", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListInvitations(id), ct)))
            .WithName("ListInvitations")
            .WithSummary("Pending invitations.");

        admin.MapDelete("/invitations/{invitationId:guid}", async (Guid id, Guid invitationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeInvitation(id, invitationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeInvitation")
            .WithSummary("Withdraw a pending invitation.");

        admin.MapPut("/users/{userId:guid}/role", async (Guid id, Guid userId, RoleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeMemberRole(id, userId, body.Role), ct)))
            .WithName("ChangeMemberRole")
            .WithSummary("Change a member's role.");

        admin.MapDelete("/users/{userId:guid}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveMember(id, userId), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveMember")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Remove a member and end their sessions in this tenant.");

        admin.MapPut("/time-zone", async (Guid id, TimeZoneRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetTenantTimeZone(id, body.TimeZone ?? ""), ct)))
            .WithName("SetTenantTimeZone")
            .WithSummary("Set the time zone in which members enter and read times (IANA id).");

        admin.MapPut("/two-factor", async (Guid id, TwoFactorRequirementRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetTwoFactorRequirement(id, body.Required), ct)))
            .WithName("SetTwoFactorRequirement")
            .WithSummary("Require (or stop requiring) every member to sign in with a second factor; the admin must have one.");

        admin.MapGet("/audit-log", async (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAuditEvents(id, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListAuditEvents")
            .WithSummary("Security events of the tenant, newest first.");
        return app;
    }
}
