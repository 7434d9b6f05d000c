using BrandAutomator.Application;
using BrandAutomator.Infrastructure;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using BrandAutomator.WebApi;
using BrandAutomator.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.RefuseUnsafeProductionSettings();
await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
builder.AddSerilogLogging();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi();
builder.UsePinnedClockWhenConfigured();
builder.StopWithinGracePeriod();

var app = builder.Build();
var embeddedCluster = app.Services.GetService<LocalPostgresCluster>();
try
{
    if (args.Contains("migrate"))
    {
        // The separate migrate step of production deployments: catalog, then every tenant schema, then exit.
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return;
    }

    app.UseWebApi();
    await app.Services.MigrateDatabaseOnStartupAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
}
finally
{
    // Also when start-up fails after the embedded cluster came up: never leave a server behind.
    if (embeddedCluster is not null)
    {
        await embeddedCluster.StopAsync();
    }
}

public partial class Program;
