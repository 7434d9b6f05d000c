using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BrandAutomator.Infrastructure.Hosting;

/// <summary>
/// A background service that writes what requests noted in memory (clicks, last-used times) every
/// <see cref="Interval"/>, off the requests' path, and once more when the node stops. A write that fails on the database
/// is reported through <see cref="FlushFailed"/> and left for the next round.
/// </summary>
public abstract class PeriodicFlush : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Writes what was noted so far.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>A round's write failed (the name of the failure's type): log it; what was noted is kept or follows.</summary>
    protected abstract void FlushFailed(string failure);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushQuietlyAsync(CancellationToken.None);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            FlushFailed(failure.GetType().Name);
        }
    }
}
