namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// How long a stop (Ctrl-C, SIGTERM) waits for work in flight: requests being answered and publishing jobs being sent
/// get <see cref="DefaultGrace"/> together, then the host moves on and the embedded PostgreSQL cluster is stopped. The
/// default of .NET (30 s) came on top of PostgreSQL's own stop, so a publishing job stuck on a silent network held
/// Ctrl-C for over 30 s. A job cut off this way has its post in Publishing under a lease: the request may have gone
/// out, so the sweep marks it Unconfirmed rather than sending it twice. Operators whose orchestrator waits longer set
/// <c>shutdownTimeoutSeconds</c> (the host's own setting).
/// </summary>
public static class Shutdown
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(10);

    public static void StopWithinGracePeriod(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["shutdownTimeoutSeconds"]))
        {
            return;
        }

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = DefaultGrace);
    }
}
