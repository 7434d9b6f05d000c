using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// The embedded default: with no <c>ConnectionStrings:Default</c>, a local cluster under <c>.data/</c> is started
/// before the host is built and stopped when the host stops, so Ctrl-C leaves no server behind and the data stays.
/// </summary>
public static class EmbeddedPostgres
{
    public static async Task UseEmbeddedPostgresWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default")))
        {
            return;
        }

        var options = builder.Configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>()
            ?? new EmbeddedPostgresOptions();
        var root = Path.GetFullPath(options.DataDirectory);
        Console.WriteLine($"No ConnectionStrings:Default set: starting the embedded PostgreSQL cluster in {root}/postgres ...");
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
        {
            DataDirectory = Path.Combine(root, "postgres"),
            PasswordFile = Path.Combine(root, "postgres-password"),
            BinDirectory = options.PostgresBinDirectory,
        });
        Console.WriteLine($"Embedded PostgreSQL is listening on 127.0.0.1:{cluster.Port}.");

        builder.Configuration["ConnectionStrings:Default"] = cluster.ConnectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
    }

    /// <summary>Stops the cluster when the host stops; registered first, so it stops last.</summary>
    private sealed class EmbeddedPostgresLifetime(LocalPostgresCluster cluster, ILogger<EmbeddedPostgresLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await cluster.StopAsync();
            logger.LogInformation("Embedded PostgreSQL stopped");
        }
    }
}
