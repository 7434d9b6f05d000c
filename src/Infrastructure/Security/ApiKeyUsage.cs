using System.Collections.Concurrent;
using BrandAutomator.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BrandAutomator.Infrastructure.Security;

/// <summary>
/// Last-used time and address of API keys, noted in memory by each request and written in one statement every
/// <see cref="ApiKeyOptions.UsageFlushSeconds"/>, off the requests' path; the last note before stopping is written too.
/// </summary>
public sealed partial class ApiKeyUsage(
    NpgsqlDataSource dataSource, IOptions<ApiKeyOptions> options, TimeProvider clock, ILogger<ApiKeyUsage> logger) : PeriodicFlush
{
    private readonly ConcurrentDictionary<Guid, Use> pending = new();

    public void Note(Guid keyId, string? ipAddress) => pending[keyId] = new Use(clock.GetUtcNow(), ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress);

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.IsEmpty)
        {
            return;
        }

        var ids = new List<Guid>();
        var times = new List<DateTimeOffset>();
        var addresses = new List<string?>();
        foreach (var keyId in pending.Keys)
        {
            if (pending.TryRemove(keyId, out var use))
            {
                ids.Add(keyId);
                times.Add(use.At);
                addresses.Add(use.IpAddress);
            }
        }

        await using var command = dataSource.CreateCommand(
            """
            UPDATE public.api_keys k SET last_used_at = u.at, last_used_ip = u.ip
            FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS u(id, at, ip)
            WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = times.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = addresses.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.UsageFlushSeconds);

    // Last-used is a hint for admins: a failed write waits for the next use rather than failing anything.
    protected override void FlushFailed(string failure) => LogFlushFailed(logger, failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write API key last-used times ({Failure}); they follow with the next use.")]
    private static partial void LogFlushFailed(ILogger logger, string failure);

    private sealed record Use(DateTimeOffset At, string? IpAddress);
}
