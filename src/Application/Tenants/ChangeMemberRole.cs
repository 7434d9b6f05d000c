using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Tenants;

/// <summary>Changes a member's role; the tenant always keeps an admin.</summary>
public sealed record ChangeMemberRole(Guid TenantId, Guid UserId, TenantRole Role)
    : ICommand<MemberDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Admin;

    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator() => RuleFor(x => x.Role).IsInEnum();
}

public sealed class ChangeMemberRoleHandler(
    ICatalogDb catalog, CommandTransaction transaction, IIdentityService identity, IAccessRevocation revocation, ICurrentUser currentUser,
    IAuditLog audit)
    : ICommandHandler<ChangeMemberRole, MemberDto>
{
    public async ValueTask<MemberDto> Handle(ChangeMemberRole command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        var role = command.Role;
        var (membership, admins) = await AdminCount.LoadLockedAsync(catalog, command.TenantId, command.UserId, cancellationToken);
        var previous = membership.Role;
        membership.ChangeRole(role, admins);
        await catalog.SaveChangesAsync(cancellationToken);
        var user = (await identity.FindByIdsAsync([command.UserId], cancellationToken)).Single();
        transaction.AfterCommit(async ct =>
        {
            // The member's access tokens carry the old role: refused from their next request, until the client refreshes.
            revocation.MembershipChanged(command.UserId, command.TenantId);
            await audit.RecordAsync(AuditEventType.RoleChanged, command.TenantId, currentUser.UserId,
                $"{user.Email}: {previous.ToClaimValue()} -> {role.ToClaimValue()}.", ct);
        });
        return new MemberDto(user.Id, user.Email, user.FullName, role.ToClaimValue(), membership.JoinedAt);
    }
}
