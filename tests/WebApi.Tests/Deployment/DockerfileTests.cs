using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BrandAutomator.WebApi.Tests.Deployment;

/// <summary>
/// The Dockerfile: multi-stage, non-root, health-checked; and its .NET build steps, run here on a copy of the build context,
/// produce the API the image starts. CI has no Docker engine, so this is how CI runs the same build steps as the image.
/// </summary>
public sealed class DockerfileTests
{
    private readonly IReadOnlyList<DockerStage> _stages = Dockerfile.Stages();

    [Fact]
    public void The_image_builds_the_spa_with_node_publishes_with_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        Assert.Equal(3, _stages.Count);
        Assert.StartsWith("node:", _stages[0].Image, StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _stages[1].Image);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _stages[2].Image);
        // The SPA stage tolerates a repository without client/ (a wildcard COPY and a guarded build).
        Assert.All(_stages[0].Arguments("RUN"), run => Assert.Contains("[ -f client/package.json ]", run, StringComparison.Ordinal));
        Assert.Contains(_stages[1].Arguments("COPY"), copy => copy.StartsWith($"--from={_stages[0].Name} ", StringComparison.Ordinal) && copy.Contains("wwwroot", StringComparison.Ordinal));
        Assert.Contains(_stages[2].Arguments("COPY"), copy => copy.StartsWith($"--from={_stages[1].Name} /app", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runtime_image_runs_as_a_non_root_user_on_port_8080_with_a_health_check()
    {
        var runtime = _stages[^1];
        var user = Assert.Single(runtime.Arguments("USER"));

        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Equal("8080", Assert.Single(runtime.Arguments("EXPOSE")));
        Assert.Contains(runtime.Arguments("ENV"), env => env.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(runtime.Arguments("ENV"), env => env.Contains("ASPNETCORE_ENVIRONMENT=Production", StringComparison.Ordinal));
        Assert.Matches(@"CMD .*http://127\.0\.0\.1:8080/health/", Assert.Single(runtime.Arguments("HEALTHCHECK")));
        Assert.Equal("[\"dotnet\", \"BrandAutomator.WebApi.dll\"]", Assert.Single(runtime.Arguments("ENTRYPOINT")));
        // The user is set after the last instruction that needs root.
        var instructions = runtime.Instructions.Select(i => i.Keyword).ToList();
        Assert.True(instructions.LastIndexOf("RUN") < instructions.IndexOf("USER"), "A RUN instruction comes after USER.");
    }

    [Theory]
    [InlineData("src/WebApi/bin/Release/net10.0/x.dll")]
    [InlineData("src/Infrastructure/obj/project.assets.json")]
    [InlineData("client/node_modules/react/index.js")]
    [InlineData(".data/postgres/PG_VERSION")]
    [InlineData(".data/keys/jwt-signing-key.pem")]
    [InlineData("artifacts/test-results/a.trx")]
    [InlineData("src/WebApi/wwwroot/index.html")]
    [InlineData(".git/HEAD")]
    [InlineData(".env")]
    public void Build_outputs_local_data_and_secrets_stay_out_of_the_build_context(string path)
    {
        Assert.True(Dockerfile.IsIgnored(path, Dockerfile.IgnorePatterns()), $"{path} would be sent to the Docker build.");
    }

    [Theory]
    [InlineData("src/WebApi/WebApi.csproj")]
    [InlineData("src/WebApi/Program.cs")]
    [InlineData("Directory.Packages.props")]
    [InlineData("Directory.Build.props")]
    [InlineData("global.json")]
    [InlineData("client/package.json")]
    [InlineData("client/src/main.tsx")]
    public void Sources_are_in_the_build_context(string path)
    {
        Assert.False(Dockerfile.IsIgnored(path, Dockerfile.IgnorePatterns()), $"{path} would be missing from the Docker build.");
    }

    [Fact]
    public async Task The_dockerfiles_dotnet_build_steps_publish_the_api_from_the_build_context()
    {
        var build = _stages.Single(s => s.Arguments("RUN").Any(r => r.Contains("dotnet publish", StringComparison.Ordinal)));
        var commands = build.Arguments("RUN").Select(Dockerfile.RunCommand).Where(c => c.StartsWith("dotnet ", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, c => c.StartsWith("dotnet restore ", StringComparison.Ordinal));
        var publish = Assert.Single(commands, c => c.StartsWith("dotnet publish ", StringComparison.Ordinal));
        Assert.Matches(@"^dotnet publish src/WebApi/WebApi\.csproj -c Release -o /app( |$)", publish);
        Assert.Equal(["/src"], build.Arguments("WORKDIR"));
        Assert.Contains(". .", build.Arguments("COPY"));

        var work = Path.Combine(Path.GetTempPath(), $"brandauto-docker-{Guid.NewGuid():N}");
        var context = Dockerfile.CopyBuildContext(Path.Combine(work, "src"));
        var output = Path.Combine(work, "app");
        try
        {
            foreach (var command in commands)
            {
                // The image's /app is a folder of this run; the rest of the command line is the Dockerfile's own.
                var arguments = Regex.Replace(command, @"(?<= -o )/app(?= |$)", output).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.DoesNotContain(arguments, a => a.IndexOfAny(['"', '\'', '$', '&', '|', ';', '`']) >= 0);
                await RunAsync(context, arguments);
            }

            Assert.True(File.Exists(Path.Combine(output, "BrandAutomator.WebApi.dll")), "The publish output has no BrandAutomator.WebApi.dll.");
            Assert.True(File.Exists(Path.Combine(output, "BrandAutomator.WebApi.runtimeconfig.json")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RunAsync(string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(arguments[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The test run's own MSBuild node settings must not leak into a separate build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A publish takes a minute on a quiet machine with two cores; on a busy one (load 40) it took over five.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"`{string.Join(' ', arguments)}` took more than 15 minutes.");
        }

        Assert.True(process.ExitCode == 0,
            $"`{string.Join(' ', arguments)}` exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}");
    }
}
