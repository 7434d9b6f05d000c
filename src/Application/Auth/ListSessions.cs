using BrandAutomator.Application.Common.Ports;
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
