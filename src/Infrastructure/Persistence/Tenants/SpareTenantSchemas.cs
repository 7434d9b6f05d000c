using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace BrandAutomator.Infrastructure.Persistence.Tenants;

/// <summary>
/// Tenant schemas made ahead of time (<see cref="DatabaseOptions.SpareTenantSchemas"/> of them), so that a sign-up
/// renames one instead of running the whole schema script while the user waits.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A spare is a schema <c>spare_&lt;32 hex&gt;</c> made by <see cref="TenantSchemaScript"/> and a row of
/// <c>public.spare_tenant_schemas</c> naming it and the hash of the script that made it, written in one transaction.</item>
/// <item>A sign-up takes one in its own transaction: it deletes the row (<c>FOR UPDATE SKIP LOCKED</c>: two sign-ups
/// never take the same spare) and renames the schema to the tenant's. If the sign-up fails, both come back.</item>
/// <item>Only a spare made by this process's script is taken; one of another release is dropped once it is old enough
/// that no node of that release can still be taking it. Tenant schemas stay what the migrations make.</item>
/// <item>With none ready (a burst of sign-ups, or the setting at 0), a sign-up runs the script itself, as before.</item>
/// </list>
/// </remarks>
public sealed partial class SpareTenantSchemas(
    NpgsqlDataSource dataSource, TenantSchemaScript script, IOptions<DatabaseOptions> options, ILogger<SpareTenantSchemas> logger)
    : IDisposable
{
    public const string Table = "public.spare_tenant_schemas";

    /// <summary>How old a spare of another release's script must be before it is dropped.</summary>
    public static readonly TimeSpan OtherReleaseGrace = TimeSpan.FromMinutes(15);

    // One maker at a time in the cluster, so that the count of spares is exact.
    private const string MakerLock = "SELECT pg_try_advisory_lock(hashtext('brandautomator.spare_tenant_schemas'))";
    private const string MakerUnlock = "SELECT pg_advisory_unlock(hashtext('brandautomator.spare_tenant_schemas'))";

    private readonly SemaphoreSlim _needed = new(0, 1);
    /// <summary>The hash of this process's schema script: a spare is only taken by a process with the same script.</summary>
    public string ScriptHash => script.Hash;

    /// <summary>
    /// Takes a ready spare and renames it to <paramref name="schemaName"/> inside <paramref name="transaction"/>; false when
    /// none is ready. Either way the keeper is told to make more.
    /// </summary>
    public async Task<bool> TryTakeAsync(DbConnection connection, DbTransaction transaction, string schemaName, CancellationToken cancellationToken)
    {
        if (options.Value.SpareTenantSchemas == 0)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            DELETE FROM {Table} WHERE schema_name = (
                SELECT schema_name FROM {Table} WHERE script_hash = $1 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING schema_name
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = ScriptHash, NpgsqlDbType = NpgsqlDbType.Text });
        var spare = await command.ExecuteScalarAsync(cancellationToken) as string;
        Needed();
        if (spare is null)
        {
            return false;
        }

        command.Parameters.Clear();
        command.CommandText = $"ALTER SCHEMA \"{Checked(spare)}\" RENAME TO \"{schemaName}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Waits until a spare was taken, or <paramref name="patience"/> has passed.</summary>
    public async Task WaitUntilNeededAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        await _needed.WaitAsync(patience, cancellationToken);

    /// <summary>
    /// Makes spares until <see cref="DatabaseOptions.SpareTenantSchemas"/> of this script are ready, and drops those of
    /// another release's script that are older than <see cref="OtherReleaseGrace"/>. Another node making spares at the
    /// same time is left to it. Returns how many it made.
    /// </summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var target = options.Value.SpareTenantSchemas;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!(bool)(await ScalarAsync(connection, MakerLock, cancellationToken))!)
        {
            return 0;
        }

        var made = 0;
        try
        {
            await DropOtherReleasesAsync(connection, cancellationToken);
            // Spares a sign-up is taking right now are locked by it: skipped here, so they are not counted.
            while (target > made && (long)(await ScalarAsync(connection,
                       $"SELECT count(*) FROM (SELECT 1 FROM {Table} WHERE script_hash = $1 FOR KEY SHARE SKIP LOCKED) ready",
                       cancellationToken, ScriptHash))! < target)
            {
                var name = $"spare_{Guid.NewGuid():N}";
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand($"""
                    {script.CreateSchemaSql(name)}
                    INSERT INTO {Table} (schema_name, script_hash, created_at) VALUES ('{name}', '{ScriptHash}', now());
                    """, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                made++;
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ScalarAsync(connection, MakerUnlock, CancellationToken.None);
            }
        }

        if (made > 0)
        {
            LogMade(logger, made);
        }

        return made;
    }

    public void Dispose() => _needed.Dispose();

    private void Needed()
    {
        try
        {
            _needed.Release();
        }
        catch (SemaphoreFullException)
        {
            // The keeper has been told already.
        }
    }

    private async Task DropOtherReleasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"""
                DELETE FROM {Table} WHERE schema_name = (
                    SELECT schema_name FROM {Table} WHERE script_hash <> $1 AND created_at < now() - make_interval(secs => $2)
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING schema_name
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = ScriptHash, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = OtherReleaseGrace.TotalSeconds, NpgsqlDbType = NpgsqlDbType.Double });
            if (await command.ExecuteScalarAsync(cancellationToken) is not string stale)
            {
                return;
            }

            command.Parameters.Clear();
            command.CommandText = $"DROP SCHEMA IF EXISTS \"{Checked(stale)}\" CASCADE";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, string? text = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (text is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Text });
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string Checked(string spare) =>
        SparePattern().IsMatch(spare) ? spare : throw new InvalidOperationException($"'{spare}' is not a spare schema's name.");

    [GeneratedRegex("^spare_[0-9a-f]{32}$")]
    private static partial Regex SparePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Count} spare tenant schemas for the next sign-ups")]
    private static partial void LogMade(ILogger logger, int count);
}

/// <summary>Keeps <see cref="SpareTenantSchemas"/> filled: at start, after each sign-up that took one, and every minute.</summary>
public sealed partial class SpareTenantSchemaKeeper(SpareTenantSchemas spares, IOptions<DatabaseOptions> options, ILogger<SpareTenantSchemaKeeper> logger)
    : BackgroundService
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SpareTenantSchemas == 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await spares.FillAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Sign-ups run the script themselves meanwhile; nothing is lost.
                    LogFillFailed(logger, ex);
                }

                await spares.WaitUntilNeededAsync(Patience, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a spare being made is rolled back with its transaction.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Making spare tenant schemas failed; sign-ups create their schemas themselves until it works again")]
    private static partial void LogFillFailed(ILogger logger, Exception exception);
}
