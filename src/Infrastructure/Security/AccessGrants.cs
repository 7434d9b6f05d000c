using System.Collections.Concurrent;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>
/// What an access token may still do: refused (session ended or membership gone), stale (role changed), allowed only to
/// set up two-step verification (the workspace requires it and the member has none), or allowed.
/// </summary>
public enum AccessGrant
{
    Allowed,
    SessionEnded,
    RoleChanged,
    TwoFactorSetUpFirst,
}

/// <summary>
/// The per-request check that makes logout, session revocation, member removal and role changes apply to access
/// tokens already issued: the token's session must still be live and its role the member's current one. What was read
/// is remembered per session for <see cref="JwtOptions.SessionCheckSeconds"/>; changes on this node forget it at once
/// (<see cref="IAccessRevocation"/>), other nodes read again when it runs out.
/// </summary>
public sealed class AccessGrants(NpgsqlDataSource dataSource, IOptions<JwtOptions> options, TimeProvider clock) : IAccessRevocation
{
    // Beyond this many remembered sessions the memory is dropped whole: a flood of tokens cannot grow it without bound.
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<Guid, Remembered> remembered = new();

    public async ValueTask<AccessGrant> CheckAsync(Guid sessionId, Guid userId, Guid tenantId, TenantRole role, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (!remembered.TryGetValue(sessionId, out var state) || state.ReadAt + TtlMilliseconds < now || state.UserId != userId || state.TenantId != tenantId)
        {
            state = await ReadAsync(sessionId, userId, tenantId, now, cancellationToken);
            if (remembered.Count >= MaxRemembered)
            {
                remembered.Clear();
            }

            remembered[sessionId] = state;
        }

        return !state.Live || state.Role is null ? AccessGrant.SessionEnded
            : state.Role != role ? AccessGrant.RoleChanged
            : state.TwoFactorMissing ? AccessGrant.TwoFactorSetUpFirst
            : AccessGrant.Allowed;
    }

    public void SessionEnded(Guid sessionId) => remembered.TryRemove(sessionId, out _);

    public void MembershipChanged(Guid userId, Guid tenantId) => Forget(s => s.UserId == userId && s.TenantId == tenantId);

    public void UserSessionsEnded(Guid userId) => Forget(s => s.UserId == userId);

    private long TtlMilliseconds => options.Value.SessionCheckSeconds * 1000L;

    private void Forget(Func<Remembered, bool> matches)
    {
        foreach (var (sessionId, state) in remembered)
        {
            if (matches(state))
            {
                remembered.TryRemove(sessionId, out _);
            }
        }
    }

    private async Task<Remembered> ReadAsync(Guid sessionId, Guid userId, Guid tenantId, long now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT EXISTS (SELECT 1 FROM public.refresh_tokens
                           WHERE family_id = $1 AND user_id = $2 AND tenant_id = $3 AND revoked_at IS NULL AND expires_at > $4),
                   (SELECT role FROM public.tenant_memberships WHERE user_id = $2 AND tenant_id = $3),
                   coalesce((SELECT t.requires_two_factor AND NOT u.two_factor_enabled
                             FROM public.tenants t CROSS JOIN public.users u WHERE t.id = $3 AND u.id = $2), false)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var live = reader.GetBoolean(0);
        TenantRole? role = reader.IsDBNull(1) ? null : Enum.Parse<TenantRole>(reader.GetString(1));
        return new Remembered(userId, tenantId, live, role, reader.GetBoolean(2), now);
    }

    private sealed record Remembered(Guid UserId, Guid TenantId, bool Live, TenantRole? Role, bool TwoFactorMissing, long ReadAt);
}
