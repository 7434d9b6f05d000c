using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Before the scheduler starts: creates the <c>quartz</c> schema with Quartz's own tables (the PostgreSQL script that
/// ships inside the Quartz assembly, every statement guarded with IF NOT EXISTS), the due posts' table
/// (<see cref="DuePostsTable"/>) and the Data Protection key table, then
/// makes sure a key exists. All of it under one PostgreSQL advisory lock, so that nodes starting together take turns
/// and the second finds everything in place.
/// </summary>
public sealed partial class QuartzSchema(NpgsqlDataSource dataSource, IServiceProvider services) : IHostedService
{
    public const string Schema = "quartz";
    public const string TablePrefix = Schema + ".qrtz_";
    public const string KeysTable = Schema + ".data_protection_keys";

    // Any constant both nodes agree on: "quartz" in ASCII.
    private const long LockKey = 0x71756172747A;
    private const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);

        // The first Protect creates the key ring's first key. Under the same lock, so that two nodes starting together
        // share one key rather than each caching only its own.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("BrandAutomator.Startup").Protect("warm-up"u8.ToArray());
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {Schema}", cancellationToken);
        foreach (var statement in QuartzStatements())
        {
            await Execute(connection, transaction, statement, cancellationToken);
        }

        foreach (var statement in DuePostsTable.Create)
        {
            await Execute(connection, transaction, statement, cancellationToken);
        }

        await Execute(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {KeysTable} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, friendly_name text NULL, xml text NOT NULL)",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Quartz's PostgreSQL script for our prefix: <c>{0}</c> is the prefix, <c>{1}</c> the same without the schema.</summary>
    internal static IEnumerable<string> QuartzStatements()
    {
        var assembly = typeof(Quartz.IJob).Assembly;
        using var stream = assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The Quartz assembly {assembly.GetName().Version} has no {ScriptResource}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix[(Schema.Length + 1)..], StringComparison.Ordinal);
        return StatementSeparator().Split(script)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^--;;\s*$", RegexOptions.Multiline)]
    private static partial Regex StatementSeparator();
}
