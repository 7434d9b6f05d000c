using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Signs out: ends the session the caller's access token belongs to.</summary>
public sealed record SignOut : ICommand;

public sealed class SignOutHandler(SessionTerminator sessions, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<SignOut>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        await sessions.EndSessionAsync(currentUser.UserId, currentUser.SessionId, "signed out", cancellationToken);
        await audit.RecordAsync(AuditEventType.SignedOut, currentUser.TenantId, currentUser.UserId, "Signed out.", cancellationToken);
        return Unit.Value;
    }
}
