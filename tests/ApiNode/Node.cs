using BrandAutomator.Application.Common.Ports;
using BrandAutomator.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

// Usage: BrandAutomator.ApiNode --port 5081 Key=Value ...   (configuration keys as in appsettings, e.g. ConnectionStrings:Default=...)
// Prints "READY http://127.0.0.1:{port}" once the host (and its Quartz node) has started; stops on SIGTERM or Ctrl-C.
internal static class NodeEntry
{
    public static async Task Main(string[] args)
    {
        var port = 0;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port")
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

        await using var node = new ApiNode(settings);
        node.UseKestrel(port);
        node.StartServer();
        // The host's own SIGTERM handling stops the host without ending this process: follow it out.
        node.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.Register(stop.Cancel);
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
        Console.WriteLine($"READY http://127.0.0.1:{port}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop: the factory's disposal stops the host, which lets running jobs finish.
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

        builder.ConfigureTestServices(services => services.AddSingleton<IFileStorage, FakeFileStorage>());
    }
}
