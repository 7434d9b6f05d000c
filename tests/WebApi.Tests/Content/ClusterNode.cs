using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Content;

/// <summary>
/// One API process (tests/ApiNode: the real host on Kestrel) of a cluster that shares one database. Killed with
/// SIGKILL like a crashed server, or stopped with SIGTERM.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterNode(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var node = NodeAssembly();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(node)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(node);
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"{key}={value}");
        }

        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        // A node that dies during start-up ends the wait at once; the caller sees HasExited.
        _process.Exited += (_, _) => _ready.TrySetResult();
        _process.Start();
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Url { get; }

    public bool HasExited => _process.HasExited;

    public string Log => string.Join('\n', _output);

    public static async Task<ClusterNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var node = new ClusterNode(name, settings);
        var started = await Task.WhenAny(node._ready.Task, Task.Delay(TimeSpan.FromSeconds(120)));
        if (started != node._ready.Task || node.HasExited)
        {
            var log = node.Log;
            await node.DisposeAsync();
            throw new Xunit.Sdk.XunitException($"Node {name} did not start:\n{log}");
        }

        return node;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>kill -9: no shutdown, no finally blocks, connections cut mid-request.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }

        if (line.StartsWith("READY ", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static string NodeAssembly()
    {
        var testFolder = AppContext.BaseDirectory;
        var configuration = testFolder.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(testFolder);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BrandAutomator.sln")))
        {
            root = root.Parent;
        }

        var node = Path.Combine(root!.FullName, "tests", "ApiNode", "bin", configuration, "net10.0", "BrandAutomator.ApiNode.dll");
        Assert.True(File.Exists(node), $"{node} was not built.");
        return node;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Two API processes, clustered through one database, with the networks faked in the test process.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public FakePlatforms Fakes { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public ClusterNode NodeA { get; private set; } = null!;

    public ClusterNode NodeB { get; private set; } = null!;

    private readonly List<string> _folders = [];

    /// <summary>Settings of this cluster's scenario, on top of the shared ones.</summary>
    protected abstract IReadOnlyDictionary<string, string> Scenario { get; }

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("cluster");
        var cluster = $"cluster-{Guid.NewGuid():N}";
        // One signing key for the cluster, as a deployment configures it: a token from one node is valid on the other.
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var signingKey = rsa.ExportPkcs8PrivateKeyPem();
        Dictionary<string, string> SettingsFor(string node)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"brandauto-node-{Guid.NewGuid():N}");
            _folders.Add(folder);
            var settings = new Dictionary<string, string>(Fakes.Settings().ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)
            {
                ["ConnectionStrings:Default"] = ConnectionString,
                ["Embedded:DataDirectory"] = folder,
                ["Scheduler:Name"] = cluster,
                ["Jwt:SigningKeyPem"] = signingKey,
                ["Scheduler:CheckinIntervalSeconds"] = "1",
                ["Scheduler:CheckinMisfireThresholdSeconds"] = "4",
                ["Scheduler:IdleWaitSeconds"] = "1",
                ["Scheduler:SweepIntervalSeconds"] = "2",
                ["Publishing:RetryBaseSeconds"] = "0.5",
                ["Publishing:RetryMaxSeconds"] = "2",
                ["Publishing:SweepGraceSeconds"] = "3",
            };
            foreach (var (key, value) in Scenario)
            {
                settings[key] = value;
            }

            return settings;
        }

        // Both at once: schema creation and migrations must cope with a twin starting beside them.
        var a = ClusterNode.StartAsync("A", SettingsFor("A"));
        var b = ClusterNode.StartAsync("B", SettingsFor("B"));
        NodeA = await a;
        NodeB = await b;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(NodeA.DisposeAsync().AsTask(), NodeB.DisposeAsync().AsTask());
        Fakes.Dispose();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
