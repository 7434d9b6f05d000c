using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Ends one of the caller's sessions; another user's session id is not found.</summary>
public sealed record RevokeSession(Guid SessionId) : ICommand;

public sealed class RevokeSessionHandler(SessionTerminator sessions, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<RevokeSession>
{
    public async ValueTask<Unit> Handle(RevokeSession command, CancellationToken cancellationToken)
    {
        if (!await sessions.EndSessionAsync(currentUser.UserId, command.SessionId, "revoked by user", cancellationToken))
        {
            throw new NotFoundException("Session", command.SessionId);
        }

        await audit.RecordAsync(AuditEventType.SessionRevoked, currentUser.TenantId, currentUser.UserId,
            $"Session {command.SessionId} ended.", cancellationToken);
        return Unit.Value;
    }
}
