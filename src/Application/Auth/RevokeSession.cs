using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Ends one of the caller's sessions; another user's session id is not found.</summary>
public sealed record RevokeSession(Guid SessionId) : ICommand;

public sealed class RevokeSessionHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeSession>
{
    public async ValueTask<Unit> Handle(RevokeSession command, CancellationToken cancellationToken)
    {
        var tokens = await catalog.RefreshTokens
            .Where(t => t.FamilyId == command.SessionId && t.UserId == currentUser.UserId)
            .ToListAsync(cancellationToken);
        if (tokens.Count == 0)
        {
            throw new NotFoundException("Session", command.SessionId);
        }

        foreach (var token in tokens)
        {
            token.Revoke(clock.GetUtcNow(), "revoked by user");
        }

        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.SessionRevoked, currentUser.TenantId, currentUser.UserId,
            $"Session {command.SessionId} ended.", cancellationToken);
        return Unit.Value;
    }
}
