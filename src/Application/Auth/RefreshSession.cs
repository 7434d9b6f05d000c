using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

/// <summary>Exchanges a refresh token for a new pair. A token presented a second time ends its whole session.</summary>
public sealed record RefreshSession(string RefreshToken) : ICommand<AuthResponse>;

public sealed class RefreshSessionValidator : AbstractValidator<RefreshSession>
{
    public RefreshSessionValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
}

public sealed class RefreshSessionHandler(
    ICatalogDb catalog, IIdentityService identity, SessionIssuer sessions, IAccessRevocation revocation, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RefreshSession, AuthResponse>
{
    public const string Invalid = "The session has ended. Sign in again.";

    public async ValueTask<AuthResponse> Handle(RefreshSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = SessionIssuer.Hash(command.RefreshToken);
        var token = await catalog.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new AuthenticationFailedException(Invalid);

        if (token.WasRotated)
        {
            // Theft detection: whoever holds the newer token and whoever replayed this one both lose the session.
            await RevokeFamilyAsync(token.FamilyId, now, "reuse detected", cancellationToken);
            await audit.RecordAsync(AuditEventType.RefreshTokenReuseDetected, token.TenantId, token.UserId,
                "A rotated refresh token was presented again; the session was ended.", cancellationToken);
            throw new AuthenticationFailedException(Invalid);
        }

        if (!token.IsActive(now))
        {
            throw new AuthenticationFailedException(Invalid);
        }

        var membership = await catalog.Memberships
            .Where(m => m.UserId == token.UserId && m.TenantId == token.TenantId)
            .Join(catalog.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { m.Role, Tenant = t })
            .SingleOrDefaultAsync(cancellationToken);
        var user = (await identity.FindByIdsAsync([token.UserId], cancellationToken)).SingleOrDefault();
        if (membership is null || user is null || membership.Tenant.State != TenantState.Ready)
        {
            token.Revoke(now, "membership ended");
            await catalog.SaveChangesAsync(cancellationToken);
            throw new AuthenticationFailedException(Invalid);
        }

        var response = sessions.Rotate(token, user, membership.Tenant, membership.Role);
        try
        {
            await catalog.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same token was exchanged at the same moment by another request: only one of them wins.
            throw new AuthenticationFailedException(Invalid);
        }

        return response;
    }

    private async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        var family = await catalog.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var member in family)
        {
            member.Revoke(now, reason);
        }

        await catalog.SaveChangesAsync(cancellationToken);
        revocation.SessionEnded(familyId);
    }
}
