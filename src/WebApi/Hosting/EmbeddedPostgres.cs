using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// The embedded default: with no <c>ConnectionStrings:Default</c>, a local cluster under <c>.data/</c> is started
/// before the host is built and stopped when the host stops, so Ctrl-C leaves no server behind and the data stays.
/// </summary>
public static class EmbeddedPostgres
{
    /// <summary>
    /// Starts the embedded cluster when no connection string is set and returns it, so that the caller can stop it
    /// whatever fails after this point; null when a connection string is set.
    /// </summary>
    public static async Task<LocalPostgresCluster?> UseEmbeddedPostgresWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default")))
        {
            return null;
        }

        var options = builder.Configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>()
            ?? new EmbeddedPostgresOptions();
        var root = Path.GetFullPath(options.DataDirectory);
        // As root, a data folder the postgres user cannot reach (/root, mktemp -d) keeps the cluster's files under the
        // postgres user's home instead; see ClusterFolder for why, and README's run section.
        var folder = await ClusterFolder.ChooseAsync(root);
        Console.WriteLine(folder.Relocated
            ? $"No ConnectionStrings:Default set: starting the embedded PostgreSQL cluster in {folder.Path}, under the postgres " +
              $"user's home because that user could not reach {root} (the same folder is used on every start; everything else " +
              $"stays in {root}) ..."
            : $"No ConnectionStrings:Default set: starting the embedded PostgreSQL cluster in {folder.Path} ...");
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
        {
            DataDirectory = folder.Path,
            PasswordFile = Path.Combine(root, "postgres-password"),
            BinDirectory = options.PostgresBinDirectory,
        });
        Console.WriteLine($"Embedded PostgreSQL is listening on 127.0.0.1:{cluster.Port}.");

        builder.Configuration["ConnectionStrings:Default"] = cluster.ConnectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        return cluster;
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
