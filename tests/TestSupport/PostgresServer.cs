using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using Npgsql;

namespace BrandAutomator.TestSupport;

/// <summary>
/// The one PostgreSQL server of a test run, taken in order from: <c>BRANDAUTO_TEST_PG</c> (a connection string to a server
/// of yours), else a throwaway cluster made from the machine's PostgreSQL binaries in a temp folder (fsync off, a free port,
/// removed when the run ends), else a clear message saying how to install PostgreSQL.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "BRANDAUTO_TEST_PG";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;
    private static LocalPostgresCluster? _cluster;

    /// <summary>A connection string with rights to create databases.</summary>
    public static async Task<string> AdminConnectionStringAsync()
    {
        if (_adminConnectionString is not null)
        {
            return _adminConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            _adminConnectionString ??= await StartAsync();
            return _adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, empty database on the shared server; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"brandauto-test-pg-{Guid.NewGuid():N}");
        try
        {
            _cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
            {
                DataDirectory = folder,
                Database = "postgres",
                Durable = false,
            });
        }
        catch (PostgresNotInstalledException ex)
        {
            throw new InvalidOperationException(
                $"{ex.Message} Or set {EnvironmentVariable} to a connection string of a PostgreSQL 15+ server the tests may create databases on.", ex);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndRemove(folder);
        StartJanitor(folder);
        return _cluster.ConnectionString;
    }

    /// <summary>
    /// The test host is not always given the chance to run its exit handlers (the runner may end it), so a small
    /// detached shell waits for this process to end and then stops the cluster and removes its folder.
    /// </summary>
    private static void StartJanitor(string folder)
    {
        var pgCtl = Path.Combine(LocalPostgresCluster.FindBinDirectory(null), "pg_ctl");
        var stop = Environment.UserName == "root" ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"{stop} stop -D '{folder}' -m immediate >/dev/null 2>&1; rm -rf '{folder}'";
        var info = new System.Diagnostics.ProcessStartInfo("setsid", ["bash", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        using var janitor = System.Diagnostics.Process.Start(info);
    }

    private static void StopAndRemove(string folder)
    {
        NpgsqlConnection.ClearAllPools();
        _cluster?.StopAsync().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }
}
