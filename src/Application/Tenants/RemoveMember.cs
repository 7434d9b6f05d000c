using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

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
