using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

// Usage:
//   BrandAutomator.ApiNode --port 5081 Key=Value ...  an API node (configuration keys as in appsettings: ConnectionStrings:Default=...)
//   BrandAutomator.ApiNode --fakes --port 5090        the fake networks, with GET /__stats counting what they received
//                          [--chaos 50-500ms,1%,0.5%,60s]  ... answering after a seeded random latency, refusing 1%, losing 0.5%
//   BrandAutomator.ApiNode --postgres DIR             a throwaway PostgreSQL cluster in DIR (fsync off)
// Each prints one "READY ..." line (the URL, or the connection string) once it serves, and stops on SIGTERM or Ctrl-C.
internal static class NodeEntry
{
    public static async Task Main(string[] args)
    {
        var port = 0;
        string? mode = null;
        string? postgresFolder = null;
        string? chaos = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--fakes")
            {
                mode = "fakes";
            }
            else if (args[i] == "--postgres")
            {
                mode = "postgres";
                postgresFolder = args[++i];
            }
            else if (args[i] == "--chaos")
            {
                chaos = args[++i];
            }
            else if (args[i] == "--port")
            {
                port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (args[i].IndexOf('=', StringComparison.Ordinal) is > 0 and var split)
            {
                settings[args[i][..split]] = args[i][(split + 1)..];
            }
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // At exit the source may be gone already (Main returned and disposed it).
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        };
        // SIGTERM ends the wait (and with it the process) in every mode, as a supervisor expects.
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        if (mode == "fakes")
        {
            using var fakes = new FakePlatforms(port);
            fakes.ServeStats();
            if (chaos is not null)
            {
                fakes.Chaos = FakeChaos.Parse(chaos, seed: 2026);
            }

            Console.WriteLine($"READY {fakes.BaseUrl}");
            await WaitAsync(stop.Token);
            return;
        }

        if (mode == "postgres")
        {
            var cluster = await BrandAutomator.Infrastructure.Persistence.LocalPostgres.LocalPostgresCluster.StartAsync(
                new BrandAutomator.Infrastructure.Persistence.LocalPostgres.LocalPostgresClusterOptions
                {
                    DataDirectory = postgresFolder!,
                    Database = "brandautomator",
                    Durable = false,
                });
            Console.WriteLine($"READY {cluster.ConnectionString}");
            await WaitAsync(stop.Token);
            await cluster.StopAsync();
            return;
        }

        // The host reads appsettings from its content root; beside this program is where the build put them, wherever it runs from.
        const string contentRoot = "ASPNETCORE_TEST_CONTENTROOT_BRANDAUTOMATOR_WEBAPI";
        if (Environment.GetEnvironmentVariable(contentRoot) is null)
        {
            Environment.SetEnvironmentVariable(contentRoot, AppContext.BaseDirectory);
        }

        await using var node = new ApiNode(settings);
        node.UseKestrel(port);
        node.StartServer();
        // The host's own SIGTERM handling stops the host without ending this process: follow it out.
        node.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.Register(stop.Cancel);
        Console.WriteLine($"READY http://127.0.0.1:{port}");
        // Asked to stop: the factory's disposal stops the host, which lets running jobs finish.
        await WaitAsync(stop.Token);
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

internal sealed class ApiNode(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("RateLimits:PerUserPerMinute", "1000000");
        builder.UseSetting("RateLimits:AuthPerIpPerMinute", "1000000");
        builder.UseSetting("RateLimits:AnonymousPerIpPerMinute", "1000000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Publishing clusters never read files; a cluster that names a shared storage folder (Drive sync) stores real bytes there.
        if (!settings.ContainsKey("Storage:LocalDirectory"))
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IFileStorage, FakeFileStorage>());
        }
    }
}
