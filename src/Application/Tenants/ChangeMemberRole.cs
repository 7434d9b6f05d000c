using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Tenants;

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
    ICatalogDb catalog, IIdentityService identity, IAccessRevocation revocation, ICurrentUser currentUser, IAuditLog audit)
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
        // The member's access tokens carry the old role: refused from their next request, until the client refreshes.
        revocation.MembershipChanged(command.UserId, command.TenantId);

        var user = (await identity.FindByIdsAsync([command.UserId], cancellationToken)).Single();
        await audit.RecordAsync(AuditEventType.RoleChanged, command.TenantId, currentUser.UserId,
            $"{user.Email}: {previous.ToClaimValue()} -> {role.ToClaimValue()}.", cancellationToken);
        return new MemberDto(user.Id, user.Email, user.FullName, role.ToClaimValue(), membership.JoinedAt);
    }
}
