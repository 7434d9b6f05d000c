using System.Security.Cryptography;
using BrandAutomator.Application.Auth;
using BrandAutomator.Application.Billing;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

/// <summary>Invites an e-mail address to the caller's tenant with a role; the link goes out by e-mail.</summary>
public sealed record InviteMember(Guid TenantId, string Email, TenantRole Role) : ICommand<InvitationDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Admin;

    public static PlanFeature Feature => PlanFeature.Team;
}

public sealed class InviteMemberValidator : AbstractValidator<InviteMember>
{
    public InviteMemberValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(x => x.Role).IsInEnum();
    }
}

public sealed class InviteMemberHandler(
    ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser, IEmailSender email, IAppLinks links,
    IAuditLog audit, TimeProvider clock, VerifiedEmailRequirement verifiedEmail) : ICommandHandler<InviteMember, InvitationDto>
{
    public async ValueTask<InvitationDto> Handle(InviteMember command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        await verifiedEmail.EnsureAsync("invite people", cancellationToken);
        var role = command.Role;
        var now = clock.GetUtcNow();
        var existingUser = await identity.FindByEmailAsync(command.Email, cancellationToken);
        if (existingUser is not null &&
            await catalog.Memberships.AnyAsync(m => m.TenantId == command.TenantId && m.UserId == existingUser.Id, cancellationToken))
        {
            throw InputValidationException.For("email", "This person is already a member.");
        }

        // A new invitation to the same address replaces the pending one.
        var normalized = command.Email.Trim().ToLowerInvariant();
        var pending = await catalog.Invitations
            .Where(i => i.TenantId == command.TenantId && i.Email == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        pending.ForEach(i => i.Revoke(now));

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = Invitation.Create(command.TenantId, command.Email, role, SessionIssuer.Hash(token), currentUser.UserId, now);
        catalog.Invitations.Add(invitation);
        await catalog.SaveChangesAsync(cancellationToken);

        var tenant = await catalog.Tenants.SingleAsync(t => t.Id == command.TenantId, cancellationToken);
        await email.SendAsync(new EmailMessage(
            invitation.Email,
            $"You are invited to {tenant.Name} on AI Brand Automator",
            $"""
            Hello,

            {currentUser.Email} invited you to join {tenant.Name} on AI Brand Automator as {role.ToClaimValue()}.

            Accept the invitation: {links.AcceptInvitation(token)}

            The link works once and expires on {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC.
            """), cancellationToken);
        await audit.RecordAsync(AuditEventType.InvitationSent, command.TenantId, currentUser.UserId,
            $"Invited {invitation.Email} as {role.ToClaimValue()}.", cancellationToken);
        return new InvitationDto(invitation.Id, invitation.Email, role.ToClaimValue(), invitation.CreatedAt, invitation.ExpiresAt);
    }
}
