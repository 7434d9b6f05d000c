using System.Net;
using System.Net.Sockets;
using BrandAutomator.WebApi.Hosting;
using Xunit.Abstractions;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>
/// Start-up failures a user causes, met as the user meets them: the built API with its embedded cluster ends with one
/// sentence and a non-zero exit code, prints no stack trace, and leaves no PostgreSQL running.
/// </summary>
public sealed class FailedStartRunTests(ITestOutputHelper output) : IDisposable
{
    // Generous: the first start runs initdb and builds the host on a machine other test suites share.
    private static readonly TimeSpan ExitWithin = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"brandauto-failed-start-{Guid.NewGuid():N}");

    private string ClusterDirectory => Path.Combine(_dataDirectory, "postgres");

    [Fact]
    public async Task A_port_in_use_ends_with_a_sentence_and_stops_the_embedded_postgres()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        using var api = BuiltApi.Start(url, BuiltApi.AssemblyFolder(), $"--Embedded:DataDirectory={_dataDirectory}");
        var exitCode = await api.ExitCodeAsync(ExitWithin);
        output.WriteLine(api.Output);

        Assert.Equal(StartupFailure.Unavailable, exitCode);
        Assert.Contains("Embedded PostgreSQL is listening", api.Output, StringComparison.Ordinal);
        Assert.Contains($"Cannot listen on {url}: another program is already using that port.", api.Output, StringComparison.Ordinal);
        Assert.Contains("URLS=", api.Output, StringComparison.Ordinal);
        BuiltApi.AssertNoStackTrace(api.Output);
        BuiltApi.AssertNoPostgresRunning(ClusterDirectory);
    }

    [Fact]
    public async Task Missing_postgres_binaries_end_with_a_sentence_and_start_nothing()
    {
        using var api = BuiltApi.Start(BuiltApi.FreeUrl(), BuiltApi.AssemblyFolder(),
            $"--Embedded:DataDirectory={_dataDirectory}", "--Embedded:PostgresBinDirectory=/nonexistent");
        var exitCode = await api.ExitCodeAsync(ExitWithin);
        output.WriteLine(api.Output);

        Assert.Equal(StartupFailure.PostgresMissing, exitCode);
        Assert.Contains("Embedded:PostgresBinDirectory is /nonexistent, which holds no PostgreSQL server binaries (initdb, pg_ctl).",
            api.Output, StringComparison.Ordinal);
        BuiltApi.AssertNoStackTrace(api.Output);
        BuiltApi.AssertNoPostgresRunning(ClusterDirectory);
    }

    public void Dispose()
    {
        BuiltApi.StopLeftoverPostgres(ClusterDirectory);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
