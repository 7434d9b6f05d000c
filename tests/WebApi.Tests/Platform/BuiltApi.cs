using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>
/// The built API run as its own process, the way run.sh's last line runs it, with everything it prints kept for the
/// assertions (EmbeddedRunTests starts it the same way).
/// </summary>
public sealed class BuiltApi : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BuiltApi(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>stdout and stderr as printed so far, interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the API with no connection string (the embedded cluster), in <paramref name="workingDirectory"/>.</summary>
    public static BuiltApi Start(string url, string workingDirectory, params string[] arguments)
    {
        // Started as a terminal's foreground job is: with SIGINT at its default. A test host started in the background
        // (nohup, `&` in a script, some CI runners) ignores SIGINT, every child inherits that, and the API's Ctrl-C
        // handler is then never called: the process simply does not stop (seen here, alive 28 minutes after SIGINT).
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Assembly(), "--urls", url }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment.Remove("ConnectionStrings__Default");
        info.Environment.Remove("Startup__Verbose");
        var api = new BuiltApi(Process.Start(info)!, url);
        api._process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        return api;
    }

    /// <summary>Waits for the process to end by itself; killed past <paramref name="within"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The API was still running after {within.TotalSeconds} s. It printed:\n{Output}");
        }

        // The asynchronous readers may still hold the last lines: WaitForExit() without a timeout drains them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task WaitReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The API exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was ready:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        _process.Kill(entireProcessTree: true);
        Assert.Fail($"The API did not answer /health/ready within {within.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Sends <paramref name="signal"/> (INT as Ctrl-C does, TERM as kill does) and waits for the exit code.</summary>
    public async Task<int> SignalAsync(string signal, TimeSpan within)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await ExitCodeAsync(within);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The assertions of every failed start: a sentence, not a .NET crash report.</summary>
    public static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal));
    }

    /// <summary>No server of <paramref name="clusterDirectory"/> runs: no postmaster.pid, no process naming the folder.</summary>
    public static void AssertNoPostgresRunning(string clusterDirectory)
    {
        Assert.False(File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")), $"PostgreSQL still runs in {clusterDirectory} (postmaster.pid).");
        var left = Directory.GetDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => (Pid: Path.GetFileName(d), CommandLine: ReadCommandLine(d)))
            .Where(p => p.CommandLine.Contains(clusterDirectory, StringComparison.Ordinal) && p.CommandLine.Contains("postgres", StringComparison.Ordinal))
            .ToList();
        Assert.True(left.Count == 0, $"PostgreSQL processes left running: {string.Join("; ", left.Select(p => $"{p.Pid}: {p.CommandLine}"))}");

        static string ReadCommandLine(string folder)
        {
            try
            {
                return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return "";
            }
        }
    }

    /// <summary>Only after a failed assertion: stops a server an API left behind in <paramref name="clusterDirectory"/>.</summary>
    public static void StopLeftoverPostgres(string clusterDirectory)
    {
        if (!File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")))
        {
            return;
        }

        var pgCtl = Path.Combine(LocalPostgresCluster.FindBinDirectory(null), "pg_ctl");
        string[] stop = ["stop", "-D", clusterDirectory, "-m", "immediate"];
        using var process = LocalPostgresCluster.RunsAsPostgresUser
            ? Process.Start("runuser", ["-u", "postgres", "--", pgCtl, .. stop])
            : Process.Start(pgCtl, stop);
        process.WaitForExit(30_000);
    }

    public static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>The repository this test run was built from.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BrandAutomator.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"No BrandAutomator.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The build output folder, where EmbeddedRunTests runs the API too (its appsettings.json is there).</summary>
    public static string AssemblyFolder() => Path.GetDirectoryName(Assembly())!;

    /// <summary>The API built with the same configuration as these tests, with its own runtime config beside it.</summary>
    public static string Assembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var api = Path.Combine(RepositoryRoot(), "src", "WebApi", "bin", configuration, "net10.0", "BrandAutomator.WebApi.dll");
        Assert.True(File.Exists(api), $"{api} was not built.");
        return api;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
