using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BrandAutomator.TestSupport;

/// <summary>
/// The real API in process, on its own fresh database of the shared test server. Tests that need extra endpoints
/// or replaced services pass them through <see cref="ConfigureServices"/> before the first request.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public string ConnectionString { get; private set; } = "";

    /// <summary>This host's data folder: development signing key, e-mail outbox.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"brandauto-api-{Guid.NewGuid():N}");

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public string SchedulerName { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>
    /// Every exception that reached the API's exception handler (an answer of 500), for a test to name in its failure:
    /// the client only sees a problem document without them.
    /// </summary>
    public ServerExceptions ServerExceptions { get; } = new();

    /// <summary>Adds or overrides a configuration value before the host starts.</summary>
    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("api");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        // Functional tests sign up many users from one (unknown) address; the rate-limit tests set their own limits.
        builder.UseSetting("RateLimits:PerUserPerMinute", "100000");
        builder.UseSetting("RateLimits:AuthPerIpPerMinute", "100000");
        builder.UseSetting("RateLimits:AnonymousPerIpPerMinute", "100000");
        builder.UseSetting("RateLimits:AccountEmailsPerIpPerHour", "100000");
        builder.UseSetting("RateLimits:CodeChecksPerMinute", "100000");
        builder.UseSetting("RateLimits:ReviewLinksPerIpPerMinute", "100000");
        // Most tests invite and subscribe right after sign-up; the account tests switch the confirmed-address rule back on.
        builder.UseSetting("Accounts:RequireVerifiedEmail", "false");
        // Each host is its own Quartz cluster on its own database; a name of its own keeps parallel hosts apart.
        builder.UseSetting("Scheduler:Name", SchedulerName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // First of the handlers: it notes the exception and lets the API's own handler answer.
            services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler>(ServerExceptions));
            ConfigureServices?.Invoke(services);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
