using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using BrandAutomator.TestSupport;
using Xunit.Abstractions;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>
/// A fact that only root can run (it needs a folder the postgres user cannot enter and runs the server as that user):
/// as anyone else it is reported as skipped, with the reason, rather than passing without having run.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "Runs only as root: it checks the start-up of a clone in a root-owned 0700 folder, which the postgres user cannot enter.";
        }
        else if (!Directory.Exists(Path.Combine(BuiltApi.RepositoryRoot(), ".git")) && !File.Exists(Path.Combine(BuiltApi.RepositoryRoot(), ".git")))
        {
            Skip = "Needs a git checkout to clone: the sources were not checked out with git.";
        }
    }
}

/// <summary>
/// The newcomer as root (a cloud VM, a container): the repository cloned into a fresh root-owned 0700 folder, as
/// /root is, and started as README says. The postgres user cannot enter the clone, so the cluster's files go under its
/// home; the API is ready, stops on SIGTERM (a background job) and on SIGINT (Ctrl-C), and finds its data again.
/// </summary>
public sealed class RootCloneRunTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(3);

    private readonly string _folder = MakeRootOnlyFolder();
    private string? _clusterDirectory;

    [RootFact]
    public async Task A_clone_in_a_root_only_folder_starts_stops_on_sigterm_and_sigint_and_keeps_its_data()
    {
        var clone = Path.Combine(_folder, "brand-automator");
        await RunAsync("git", "clone", "--quiet", BuiltApi.RepositoryRoot(), clone);
        Assert.Equal("drwx------", Mode(_folder));

        // run.sh ends with: cd "$ROOT/src/WebApi" && exec dotnet "$api" --urls ... --Embedded:DataDirectory="$ROOT/.data".
        // Its earlier steps rebuild the SPA (npm ci from the registry) and the API, minutes on a shared machine, so this
        // starts the API already built for these tests, exactly as that last line does, in the clone.
        var dataDirectory = Path.Combine(clone, ".data");
        var workingDirectory = Path.Combine(clone, "src", "WebApi");
        _clusterDirectory = Path.Combine(await PostgresHomeAsync(), "brand-automator", ClusterFolder.RelocatedName(dataDirectory), "postgres");
        var email = ApiClient.UniqueEmail("root-clone");

        using (var first = BuiltApi.Start(BuiltApi.FreeUrl(), workingDirectory, $"--Embedded:DataDirectory={dataDirectory}"))
        {
            await first.WaitReadyAsync(Within);
            Assert.Contains($"starting the embedded PostgreSQL cluster in {_clusterDirectory}, under the postgres user's home because that user could not reach {dataDirectory}",
                first.Output, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(first.Url), Timeout = TimeSpan.FromSeconds(60) };
            var register = await client.PostAsJsonAsync("/api/v1/auth/register",
                new { email, password = ApiClient.GoodPassword, fullName = "Root Clone", companyName = "Root Clone Co" });
            await register.EnsureStatusAsync(HttpStatusCode.Created);

            // A background job ignores SIGINT; README says to stop it with kill (SIGTERM).
            Assert.Equal(0, await first.SignalAsync("TERM", Within));
            output.WriteLine(first.Output);
        }

        BuiltApi.AssertNoPostgresRunning(_clusterDirectory);
        Assert.Equal("drwx------", Mode(_folder));
        Assert.True(File.Exists(Path.Combine(dataDirectory, "postgres-password")), "The password file is not in the project's data folder.");
        Assert.Equal("drwx------", Mode(_clusterDirectory));

        using (var second = BuiltApi.Start(BuiltApi.FreeUrl(), workingDirectory, $"--Embedded:DataDirectory={dataDirectory}"))
        {
            await second.WaitReadyAsync(Within);
            using var client = new HttpClient { BaseAddress = new Uri(second.Url), Timeout = TimeSpan.FromSeconds(60) };
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.GoodPassword });
            await login.EnsureStatusAsync(HttpStatusCode.OK);

            Assert.Equal(0, await second.SignalAsync("INT", Within));
            output.WriteLine(second.Output);
        }

        BuiltApi.AssertNoPostgresRunning(_clusterDirectory);
    }

    public void Dispose()
    {
        if (_clusterDirectory is not null)
        {
            BuiltApi.StopLeftoverPostgres(_clusterDirectory);
            // The folder named after this clone under the postgres user's home: nothing else uses it.
            var relocated = Path.GetDirectoryName(_clusterDirectory)!;
            if (Directory.Exists(relocated))
            {
                Directory.Delete(relocated, recursive: true);
            }
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A fresh folder as <c>mktemp -d</c> makes it: owned by root, 0700.</summary>
    private static string MakeRootOnlyFolder() =>
        Environment.UserName == "root" ? Directory.CreateTempSubdirectory("brandauto-root-").FullName : "";

    private static string Mode(string path) =>
        OperatingSystem.IsWindows()
            ? "no Unix modes"
            : (File.GetUnixFileMode(path) & (UnixFileMode)0b111_111_111) switch
            {
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute => "drwx------",
                var other => Convert.ToString((int)other, 8),
            };

    private static async Task<string> PostgresHomeAsync()
    {
        var entry = await RunAsync("getent", "passwd", "postgres");
        return entry.Trim().Split(':')[5];
    }

    private static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
