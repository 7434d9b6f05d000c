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

    [Fact]
    public async Task A_data_folder_from_a_newer_postgres_ends_with_a_sentence_and_is_left_untouched()
    {
        Directory.CreateDirectory(ClusterDirectory);
        await File.WriteAllTextAsync(Path.Combine(ClusterDirectory, "PG_VERSION"), "99\n");

        using var api = BuiltApi.Start(BuiltApi.FreeUrl(), BuiltApi.AssemblyFolder(), $"--Embedded:DataDirectory={_dataDirectory}");
        var exitCode = await api.ExitCodeAsync(ExitWithin);
        output.WriteLine(api.Output);

        Assert.Equal(StartupFailure.DataFolderUnusable, exitCode);
        Assert.Contains($"The data folder {ClusterDirectory} was made by PostgreSQL 99, newer than the PostgreSQL", api.Output, StringComparison.Ordinal);
        BuiltApi.AssertNoStackTrace(api.Output);
        Assert.Equal(["PG_VERSION"], Directory.GetFileSystemEntries(ClusterDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_invalid_setting_ends_with_a_sentence_and_stops_the_embedded_postgres()
    {
        using var api = BuiltApi.Start(BuiltApi.FreeUrl(), BuiltApi.AssemblyFolder(),
            $"--Embedded:DataDirectory={_dataDirectory}", "--RateLimits:PerUserPerMinute=0");
        var exitCode = await api.ExitCodeAsync(ExitWithin);
        output.WriteLine(api.Output);

        Assert.Equal(StartupFailure.InvalidSetting, exitCode);
        Assert.Contains("A setting is not valid: ", api.Output, StringComparison.Ordinal);
        Assert.Contains("PerUserPerMinute", api.Output, StringComparison.Ordinal);
        BuiltApi.AssertNoStackTrace(api.Output);
        BuiltApi.AssertNoPostgresRunning(ClusterDirectory);
    }

    [Fact]
    public async Task An_unreachable_database_ends_with_a_sentence()
    {
        // A port nothing listens on: taken and released.
        var port = new Uri(BuiltApi.FreeUrl()).Port;
        using var api = BuiltApi.Start(BuiltApi.FreeUrl(), BuiltApi.AssemblyFolder(),
            $"--ConnectionStrings:Default=Host=127.0.0.1;Port={port};Database=app;Username=app;Password=not-the-point");
        var exitCode = await api.ExitCodeAsync(ExitWithin);
        output.WriteLine(api.Output);

        Assert.Equal(StartupFailure.Unavailable, exitCode);
        Assert.Contains($"Could not reach PostgreSQL at 127.0.0.1:{port} (connection refused", api.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-point", api.Output, StringComparison.Ordinal);
        BuiltApi.AssertNoStackTrace(api.Output);
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
