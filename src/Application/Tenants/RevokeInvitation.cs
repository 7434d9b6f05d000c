using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Tenants;

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
