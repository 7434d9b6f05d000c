using BrandAutomator.Application.Auth;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Tenants;

/// <summary>Removes a member from the caller's tenant and ends their sessions in it.</summary>
public sealed record RemoveMember(Guid TenantId, Guid UserId) : ICommand, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Admin;

    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed class RemoveMemberHandler(
    ICatalogDb catalog, CommandTransaction transaction, SessionTerminator sessions, IAccessRevocation revocation, ICurrentUser currentUser,
    IAuditLog audit)
    : ICommandHandler<RemoveMember>
{
    public async ValueTask<Unit> Handle(RemoveMember command, CancellationToken cancellationToken)
    {
        currentUser.EnsureIs(command.TenantId);
        var (membership, admins) = await AdminCount.LoadLockedAsync(catalog, command.TenantId, command.UserId, cancellationToken);
        membership.EnsureCanBeRemoved(admins);
        catalog.Memberships.Remove(membership);
        await sessions.EndTenantSessionsAsync(command.UserId, command.TenantId, "removed from tenant", cancellationToken);
        transaction.AfterCommit(async ct =>
        {
            // Again once committed: a request in between may have remembered the membership as it was before the commit.
            revocation.MembershipChanged(command.UserId, command.TenantId);
            await audit.RecordAsync(AuditEventType.MemberRemoved, command.TenantId, currentUser.UserId, $"Removed member {command.UserId}.", ct);
        });
        return Unit.Value;
    }
}
