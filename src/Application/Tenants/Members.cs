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

public sealed record MemberDto(Guid UserId, string Email, string FullName, string Role, DateTimeOffset JoinedAt);

/// <summary>The members of the caller's tenant.</summary>
public sealed record ListMembers(Guid TenantId) : IQuery<IReadOnlyList<MemberDto>>;

public sealed class ListMembersHandler(ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser)
    : IQueryHandler<ListMembers, IReadOnlyList<MemberDto>>
{
    public async ValueTask<IReadOnlyList<MemberDto>> Handle(ListMembers query, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(query.TenantId);
        var memberships = await catalog.Memberships.Where(m => m.TenantId == query.TenantId).ToListAsync(cancellationToken);
        var users = (await identity.FindByIdsAsync(memberships.Select(m => m.UserId).ToList(), cancellationToken)).ToDictionary(u => u.Id);
        return memberships
            .Where(m => users.ContainsKey(m.UserId))
            .Select(m => new MemberDto(m.UserId, users[m.UserId].Email, users[m.UserId].FullName, m.Role.ToClaimValue(), m.JoinedAt))
            .OrderBy(m => m.JoinedAt)
            .ToList();
    }
}

public sealed record InvitationDto(Guid Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>Invites an e-mail address to the caller's tenant with a role; the link goes out by e-mail.</summary>
public sealed record InviteMember(Guid TenantId, string Email, TenantRole Role) : ICommand<InvitationDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
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
    IAuditLog audit, TimeProvider clock, PlanEntitlements entitlements) : ICommandHandler<InviteMember, InvitationDto>
{
    public async ValueTask<InvitationDto> Handle(InviteMember command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        await entitlements.EnsureTeamAsync(cancellationToken);
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

/// <summary>The invitations of the caller's tenant still waiting for an answer.</summary>
public sealed record ListInvitations(Guid TenantId) : IQuery<IReadOnlyList<InvitationDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ListInvitationsHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListInvitations, IReadOnlyList<InvitationDto>>
{
    public async ValueTask<IReadOnlyList<InvitationDto>> Handle(ListInvitations query, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(query.TenantId);
        var now = clock.GetUtcNow();
        var rows = await catalog.Invitations
            .Where(i => i.TenantId == query.TenantId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(i => new InvitationDto(i.Id, i.Email, i.Role.ToClaimValue(), i.CreatedAt, i.ExpiresAt)).ToList();
    }
}

/// <summary>Withdraws a pending invitation.</summary>
public sealed record RevokeInvitation(Guid TenantId, Guid InvitationId) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RevokeInvitationHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeInvitation>
{
    public async ValueTask<Unit> Handle(RevokeInvitation command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        var invitation = await catalog.Invitations
            .SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.TenantId == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Invitation", command.InvitationId);
        invitation.Revoke(clock.GetUtcNow());
        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.InvitationRevoked, command.TenantId, currentUser.UserId,
            $"Withdrew the invitation of {invitation.Email}.", cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Changes a member's role; the tenant always keeps an admin.</summary>
public sealed record ChangeMemberRole(Guid TenantId, Guid UserId, TenantRole Role) : ICommand<MemberDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator() => RuleFor(x => x.Role).IsInEnum();
}

public sealed class ChangeMemberRoleHandler(
    ICatalogDb catalog, IIdentityService identity, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<ChangeMemberRole, MemberDto>
{
    public async ValueTask<MemberDto> Handle(ChangeMemberRole command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        var role = command.Role;
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var (membership, admins) = await AdminCount.LoadLockedAsync(catalog, command.TenantId, command.UserId, cancellationToken);
        var previous = membership.Role;
        membership.ChangeRole(role, admins);
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var user = (await identity.FindByIdsAsync([command.UserId], cancellationToken)).Single();
        await audit.RecordAsync(AuditEventType.RoleChanged, command.TenantId, currentUser.UserId,
            $"{user.Email}: {previous.ToClaimValue()} -> {role.ToClaimValue()}.", cancellationToken);
        return new MemberDto(user.Id, user.Email, user.FullName, role.ToClaimValue(), membership.JoinedAt);
    }
}

/// <summary>Removes a member from the caller's tenant and ends their sessions in it.</summary>
public sealed record RemoveMember(Guid TenantId, Guid UserId) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class RemoveMemberHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RemoveMember>
{
    public async ValueTask<Unit> Handle(RemoveMember command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var (membership, admins) = await AdminCount.LoadLockedAsync(catalog, command.TenantId, command.UserId, cancellationToken);
        membership.EnsureCanBeRemoved(admins);
        catalog.Memberships.Remove(membership);
        var sessions = await catalog.RefreshTokens
            .Where(t => t.TenantId == command.TenantId && t.UserId == command.UserId && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        sessions.ForEach(t => t.Revoke(clock.GetUtcNow(), "removed from tenant"));
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.MemberRemoved, command.TenantId, currentUser.UserId,
            $"Removed member {command.UserId}.", cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// A member and the tenant's admin count, read under the tenant's lock (inside the caller's transaction): two admins
/// demoting or removing each other at once cannot both see the other still there and leave the tenant with none.
/// </summary>
internal static class AdminCount
{
    public static async Task<(TenantMembership Membership, int Admins)> LoadLockedAsync(
        ICatalogDb catalog, Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await catalog.LockTenantAsync(tenantId, cancellationToken);
        var membership = await catalog.Memberships
            .SingleOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Member", userId);
        var admins = await catalog.Memberships.CountAsync(m => m.TenantId == tenantId && m.Role == TenantRole.Admin, cancellationToken);
        return (membership, admins);
    }
}
