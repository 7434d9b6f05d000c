using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>
/// The run command's own behaviour, as a user meets it: the built API with no connection string starts its embedded
/// PostgreSQL cluster, answers ready, stops cleanly on Ctrl-C (SIGINT) leaving no server behind, and keeps its data
/// for the next start.
/// </summary>
public sealed class EmbeddedRunTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"brandauto-run-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_embedded_run_starts_stops_on_ctrl_c_without_leftovers_and_keeps_its_data()
    {
        var email = ApiClient.UniqueEmail("embedded");

        var (first, url) = await StartAsync();
        var elapsed = Stopwatch.StartNew();
        await WaitReadyAsync(url, first);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(60), $"Ready after {elapsed.Elapsed}.");
        using (var client = new HttpClient { BaseAddress = new Uri(url) })
        {
            var register = await client.PostAsJsonAsync("/api/v1/auth/register",
                new { email, password = ApiClient.GoodPassword, fullName = "Embedded", companyName = "Embedded Co" });
            await register.EnsureStatusAsync(HttpStatusCode.Created);
        }

        await InterruptAsync(first);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "postgres", "postmaster.pid")), "PostgreSQL is still running after Ctrl-C.");

        var (second, secondUrl) = await StartAsync();
        await WaitReadyAsync(secondUrl, second);
        using (var client = new HttpClient { BaseAddress = new Uri(secondUrl) })
        {
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.GoodPassword });
            await login.EnsureStatusAsync(HttpStatusCode.OK);
        }

        await InterruptAsync(second);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "postgres", "postmaster.pid")), "PostgreSQL is still running after Ctrl-C.");
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_dataDirectory, "postgres", "postmaster.pid")))
        {
            // Only after a failed assertion: stop the server the API left behind.
            var pgCtl = Path.Combine(LocalPostgresCluster.FindBinDirectory(null), "pg_ctl");
            string[] stop = ["stop", "-D", Path.Combine(_dataDirectory, "postgres"), "-m", "immediate"];
            using var process = Environment.UserName == "root"
                ? Process.Start("runuser", ["-u", "postgres", "--", pgCtl, .. stop])
                : Process.Start(pgCtl, stop);
            process.WaitForExit(30_000);
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<(Process Process, string Url)> StartAsync()
    {
        var api = ApiAssembly();
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { api, "--urls", url, $"--Embedded:DataDirectory={_dataDirectory}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment.Remove("ConnectionStrings__Default");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.Yield();
        return (process, url);
    }

    private static async Task WaitReadyAsync(string url, Process process)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The API exited with {(process.HasExited ? process.ExitCode : 0)} before it was ready.");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        Assert.Fail("The API did not answer /health/ready within 90 s.");
    }

    private static async Task InterruptAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
    }

    /// <summary>The API built with the same configuration as these tests, with its own runtime config beside it.</summary>
    private static string ApiAssembly()
    {
        var testFolder = AppContext.BaseDirectory;
        var configuration = testFolder.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(testFolder);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BrandAutomator.sln")))
        {
            root = root.Parent;
        }

        var api = Path.Combine(root!.FullName, "src", "WebApi", "bin", configuration, "net10.0", "BrandAutomator.WebApi.dll");
        Assert.True(File.Exists(api), $"{api} was not built.");
        return api;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
