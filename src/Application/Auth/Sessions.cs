using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Auth;

public sealed record SessionDto(
    Guid Id, Guid TenantId, string TenantName, DateTimeOffset StartedAt, DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt, string? IpAddress, string? UserAgent, bool Current);

/// <summary>The caller's open sessions, in every tenant, newest first.</summary>
public sealed record ListSessions : IQuery<IReadOnlyList<SessionDto>>;

public sealed class ListSessionsHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListSessions, IReadOnlyList<SessionDto>>
{
    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await catalog.RefreshTokens
            .Where(t => t.UserId == currentUser.UserId && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(catalog.Tenants, t => t.TenantId, tenant => tenant.Id, (t, tenant) => new { Token = t, TenantName = tenant.Name })
            .ToListAsync(cancellationToken);
        var familyIds = active.Select(a => a.Token.FamilyId).ToList();
        var started = await catalog.RefreshTokens
            .Where(t => familyIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.CreatedAt, cancellationToken);

        return active
            .Select(a => new SessionDto(
                a.Token.FamilyId, a.Token.TenantId, a.TenantName,
                started.GetValueOrDefault(a.Token.FamilyId, a.Token.CreatedAt), a.Token.CreatedAt, a.Token.ExpiresAt,
                a.Token.IpAddress, a.Token.UserAgent, a.Token.FamilyId == currentUser.SessionId))
            .OrderByDescending(s => s.LastUsedAt)
            .ToList();
    }
}

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
