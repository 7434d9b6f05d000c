using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BrandAutomator.Infrastructure.Persistence.LocalPostgres;

/// <summary>What a local cluster needs: where its files live and how it should behave.</summary>
public sealed record LocalPostgresClusterOptions
{
    /// <summary>The cluster's data folder; created by initdb when it holds no cluster yet.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where initdb and pg_ctl are; found on the machine when not given.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The database to create and connect to.</summary>
    public string Database { get; init; } = "brandautomator";

    /// <summary>Where the superuser password is kept between runs; null keeps it in memory only (throwaway clusters).</summary>
    public string? PasswordFile { get; init; }

    /// <summary>Off for throwaway test clusters: much faster, and their data does not need to survive a crash.</summary>
    public bool Durable { get; init; } = true;
}

/// <summary>
/// A PostgreSQL cluster run from the machine's own server binaries: the embedded default of the run command
/// and the throwaway server of the tests. Listens on 127.0.0.1 only, on a free port chosen at each start,
/// with password authentication. As root it runs the server as the <c>postgres</c> user, since initdb refuses root.
/// </summary>
public sealed partial class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly LocalPostgresClusterOptions _options;
    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private bool _stopped;

    private LocalPostgresCluster(LocalPostgresClusterOptions options, string binDirectory, bool runAsPostgresUser)
    {
        _options = options;
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    public int Port { get; private set; }

    public string Password { get; private set; } = "";

    public string DataDirectory => _options.DataDirectory;

    /// <summary>A connection string to the cluster's application database.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the cluster if its folder holds none, starts it and makes sure the database exists.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresClusterOptions options, CancellationToken cancellationToken = default)
    {
        var clusterVersion = ClusterVersion(options.DataDirectory);
        var binDirectory = FindBinDirectory(options.BinDirectory, clusterVersion);
        var binariesVersion = await BinariesVersionAsync(binDirectory, cancellationToken);
        RefuseIncompatibleCluster(options.DataDirectory, clusterVersion, binDirectory, binariesVersion);
        var cluster = new LocalPostgresCluster(options, binDirectory, RunsAsPostgresUser);
        await cluster.InitialiseAsync(cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        await cluster.EnsureDatabaseAsync(options.Database, cancellationToken);
        return cluster;
    }

    /// <summary>As root the server runs as the <c>postgres</c> user: initdb and the server refuse to run as root.</summary>
    public static bool RunsAsPostgresUser => Environment.UserName == "root";

    /// <summary>Stops the server (fast shutdown: open sessions are ended, data is kept).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], allowFailure: true, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Password = _options.PasswordFile is not null && File.Exists(_options.PasswordFile)
                ? (await File.ReadAllTextAsync(_options.PasswordFile, cancellationToken)).Trim()
                : throw new LocalPostgresException(LocalPostgresProblem.UnusableFolder,
                    $"A PostgreSQL cluster exists in {DataDirectory} but its password file {_options.PasswordFile} is missing. " +
                    "Put the password file back, or move the cluster's folder away to start afresh (its data would be lost), " +
                    "or set ConnectionStrings:Default.");
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new LocalPostgresException(LocalPostgresProblem.UnusableFolder,
                $"{DataDirectory} is not empty and holds no PostgreSQL cluster. Move what is in it away, or choose another " +
                "data folder (Embedded:DataDirectory).");
        }

        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var passwordForInitdb = Path.Combine(Path.GetTempPath(), $"brandauto-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordForInitdb, Password, cancellationToken);
        try
        {
            OwnerOnly(passwordForInitdb);
            if (_runAsPostgresUser)
            {
                await ChownToPostgresAsync(DataDirectory, cancellationToken);
                await ChownToPostgresAsync(passwordForInitdb, cancellationToken);
            }

            await RunToolAsync("initdb",
            [
                "-D", DataDirectory, "-U", Superuser, $"--pwfile={passwordForInitdb}", "--auth=scram-sha-256",
                "--encoding=UTF8", "--locale=C", "--no-instructions",
            ], cancellationToken);
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        if (_options.PasswordFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.PasswordFile))!);
            await File.WriteAllTextAsync(_options.PasswordFile, Password, cancellationToken);
            OwnerOnly(_options.PasswordFile);
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A server left running by a killed process is stopped first, so that this start owns the port it prints.
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], allowFailure: true, cancellationToken);
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreeLoopbackPort();
            var serverOptions = new StringBuilder()
                .Append("-c listen_addresses=127.0.0.1 ")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"-c port={Port} ")
                .Append("-c unix_socket_directories='' -c max_connections=200 -c shared_buffers=128MB");
            if (!_options.Durable)
            {
                serverOptions.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }

            try
            {
                await RunToolAsync("pg_ctl",
                [
                    "start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"),
                    "-o", serverOptions.ToString(),
                ], cancellationToken);
                return;
            }
            catch (LocalPostgresException ex) when (ex.Problem == LocalPostgresProblem.ToolFailed)
            {
                // Another process may have taken the port between our probe and the server's bind.
                last = ex;
            }
        }

        throw last!;
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task ChownToPostgresAsync(string path, CancellationToken cancellationToken) =>
        RunProcessAsync("chown", ["-R", $"{Superuser}:{Superuser}", path], allowFailure: false, cancellationToken);

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        => RunToolAsync(tool, arguments, allowFailure: false, cancellationToken);

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments, bool allowFailure, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? RunProcessAsync("runuser", ["-u", Superuser, "--", path, .. arguments], allowFailure, cancellationToken)
            : RunProcessAsync(path, arguments, allowFailure, cancellationToken);
    }

    internal static async Task<string> RunProcessAsync(
        string fileName, IReadOnlyList<string> arguments, bool allowFailure, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the caller's folder, and initdb refuses to start without one.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // Missing, not executable, or built for another machine.
            throw new LocalPostgresException(LocalPostgresProblem.ToolFailed, $"{fileName} could not be started: {ex.Message}.", ex.Message);
        }

        using var process = started ?? throw new LocalPostgresException(LocalPostgresProblem.ToolFailed, $"{fileName} could not be started.", "");
        // pg_ctl start leaves the server holding its stdout; read only what the tool itself wrote, without waiting for EOF.
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, cancellationToken))) is Task<string[]>
            ? stdout.Result + stderr.Result
            : "";
        if (process.ExitCode != 0 && !allowFailure)
        {
            var said = LastLines(output);
            throw new LocalPostgresException(LocalPostgresProblem.ToolFailed,
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {said}", said);
        }

        return output;
    }

    /// <summary>What a tool said, short: its last lines carry the reason (initdb and pg_ctl print progress first).</summary>
    private static string LastLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no output" : string.Join(" / ", lines.TakeLast(3));
    }
}
