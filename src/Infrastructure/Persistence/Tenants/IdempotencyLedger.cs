using BrandAutomator.Application.Common.Ports;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>A first answer kept for an <c>Idempotency-Key</c>: what it was for, and the response to give again.</summary>
public sealed record IdempotentAnswer(string Operation, string RequestHash, string ResponseJson, DateTimeOffset CreatedAt);

/// <summary>
/// The tenant's <c>idempotency_records</c> for whole HTTP requests, behind a lock per key: <see cref="AcquireAsync"/>
/// holds a session advisory lock on (tenant schema, key) on a connection of its own until the lease is disposed, so two
/// concurrent requests with one key run one after the other and the second finds the first one's answer.
/// </summary>
public sealed class IdempotencyLedger(NpgsqlDataSource dataSource, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>How long a concurrent request with the same key waits for the first one before it is told to retry (409).</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>Waits for the key's lock; null when the other request holds it beyond <see cref="LockWait"/>.</summary>
    public async Task<Lease?> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var schema = tenant.SchemaName;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var lockId = $"idempotency:{schema}:{key}";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!await TryLockAsync(connection, lockId, cancellationToken))
            {
                if (waited.Elapsed > LockWait)
                {
                    await connection.DisposeAsync();
                    return null;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            return new Lease(connection, schema, key, lockId, clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string lockId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = lockId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The held lock of one key: read the first answer, or record it; disposing releases the lock.</summary>
    public sealed class Lease(NpgsqlConnection connection, string schema, string key, string lockId, TimeProvider clock) : IAsyncDisposable
    {
        // The schema name is made by Tenant.SchemaNameFor (tenant_ and 32 hex digits), never from input: safe to quote in.
        private string Table => $"\"{schema}\".idempotency_records";

        public async Task<IdempotentAnswer?> FindAsync(TimeSpan keptFor, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT operation, request_hash, response_json::text, created_at FROM {Table} WHERE key = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var answer = new IdempotentAnswer(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
            await reader.DisposeAsync();
            if (answer.CreatedAt + keptFor > clock.GetUtcNow())
            {
                return answer;
            }

            // Past its time: the key may be used afresh.
            await using var forget = new NpgsqlCommand($"DELETE FROM {Table} WHERE key = $1", connection);
            forget.Parameters.Add(new NpgsqlParameter { Value = key });
            await forget.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }

        public async Task RecordAsync(string operation, string requestHash, string responseJson, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(
                $"INSERT INTO {Table} (key, operation, request_hash, response_json, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = operation });
            command.Parameters.Add(new NpgsqlParameter { Value = requestHash });
            command.Parameters.Add(new NpgsqlParameter { Value = responseJson });
            command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = lockId });
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            finally
            {
                // Closing returns the connection to the pool, whose reset also drops any advisory lock left behind.
                await connection.DisposeAsync();
            }
        }
    }
}
