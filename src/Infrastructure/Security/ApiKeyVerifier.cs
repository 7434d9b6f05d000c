using System.Collections.Concurrent;
using System.Security.Cryptography;
using BrandAutomator.Application.ApiKeys;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.ApiKeys;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>A key that may be used now: its workspace, what it may do and how fast.</summary>
public sealed record VerifiedApiKey(Guid KeyId, Guid TenantId, string Name, IReadOnlyList<ApiScope> Scopes, int RequestsPerMinute);

/// <summary>
/// Finds the key a secret belongs to by the secret's SHA-256 and says whether it may be used now. What was read is
/// remembered for <see cref="JwtOptions.SessionCheckSeconds"/> (as <see cref="AccessGrants"/> does for sessions): a
/// revocation on this node applies at once, on other nodes within those seconds; expiry is judged on every request.
/// </summary>
public sealed class ApiKeyVerifier(
    NpgsqlDataSource dataSource, IOptions<JwtOptions> jwt, IOptions<ApiKeyOptions> options, TimeProvider clock) : IApiKeyRevocation
{
    // Beyond this many remembered hashes the memory is dropped whole: a flood of made-up keys cannot grow it without bound.
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, Remembered> remembered = new(StringComparer.Ordinal);

    public async ValueTask<VerifiedApiKey?> VerifyAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.LooksLikeSecret(secret))
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(secret);
        var now = Environment.TickCount64;
        if (!remembered.TryGetValue(hash, out var state) || state.ReadAt + jwt.Value.SessionCheckSeconds * 1000L < now)
        {
            state = await ReadAsync(hash, now, cancellationToken);
            if (remembered.Count >= MaxRemembered)
            {
                remembered.Clear();
            }

            remembered[hash] = state;
        }

        // The row was found by its hash; comparing again in constant time keeps the decision free of timing differences.
        if (state.Row is not { } row || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(row.Hash), Convert.FromHexString(hash)))
        {
            return null;
        }

        var utcNow = clock.GetUtcNow();
        if (row.RevokedAt is not null || row.ExpiresAt is { } end && end <= utcNow)
        {
            return null;
        }

        return new VerifiedApiKey(row.Id, row.TenantId, row.Name, row.Scopes, row.RequestsPerMinute ?? options.Value.DefaultRequestsPerMinute);
    }

    public void KeyRevoked(string secretHash) => remembered.TryRemove(secretHash, out _);

    private async Task<Remembered> ReadAsync(string hash, long now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT k.id, k.tenant_id, k.name, k.scopes, k.requests_per_minute, k.expires_at, k.revoked_at, k.secret_hash
            FROM public.api_keys k JOIN public.tenants t ON t.id = k.tenant_id
            WHERE k.secret_hash = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new Remembered(null, now);
        }

        var scopes = reader.GetFieldValue<string[]>(3)
            .Select(s => Enum.TryParse<ApiScope>(s, out var scope) ? scope : (ApiScope?)null)
            .OfType<ApiScope>()
            .ToList();
        var row = new KeyRow(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), scopes,
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetString(7));
        return new Remembered(row, now);
    }

    private sealed record KeyRow(
        Guid Id, Guid TenantId, string Name, IReadOnlyList<ApiScope> Scopes, int? RequestsPerMinute, DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt, string Hash);

    private sealed record Remembered(KeyRow? Row, long ReadAt);
}
