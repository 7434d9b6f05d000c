using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Signs out: ends the session the caller's access token belongs to.</summary>
public sealed record SignOut : ICommand;

public sealed class SignOutHandler(ICatalogDb catalog, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SignOut>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        var tokens = await catalog.RefreshTokens
            .Where(t => t.FamilyId == currentUser.SessionId && t.UserId == currentUser.UserId && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.Revoke(clock.GetUtcNow(), "signed out");
        }

        await catalog.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.SignedOut, currentUser.TenantId, currentUser.UserId, "Signed out.", cancellationToken);
        return Unit.Value;
    }
}
