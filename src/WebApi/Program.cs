using BrandAutomator.Application;
using BrandAutomator.Infrastructure;
using BrandAutomator.Infrastructure.Persistence;
using BrandAutomator.Infrastructure.Persistence.LocalPostgres;
using BrandAutomator.WebApi;
using BrandAutomator.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.RefuseUnsafeProductionSettings();
LocalPostgresCluster? embeddedCluster = null;
try
{
    embeddedCluster = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
    builder.AddSerilogLogging();
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddWebApi();
    builder.UsePinnedClockWhenConfigured();
    builder.StopWithinGracePeriod();

    var app = builder.Build();
    if (args.Contains("migrate"))
    {
        // The separate migrate step of production deployments: catalog, then every tenant schema, then exit.
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return 0;
    }

    app.UseWebApi();
    await app.Services.MigrateDatabaseOnStartupAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
catch (Exception failure) when (failure is not HostAbortedException)
{
    // A taken port, missing PostgreSQL, a wrong setting: one sentence and an exit code, not a stack trace (StartupFailure).
    // HostAbortedException is how WebApplicationFactory stops this entry point once it has the host: not a failure.
    return StartupFailure.Report(failure, builder.Configuration, Console.Error);
}
finally
{
    // On every path, failures included: never leave a server behind.
    if (embeddedCluster is not null)
    {
        await embeddedCluster.StopAsync();
    }
}

public partial class Program;
