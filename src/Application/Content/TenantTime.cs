using System.Globalization;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.Application.Content;

/// <summary>
/// The tenant's time zone (IANA id in the catalog) and the conversions between what members type and read there and
/// the UTC instants stored inside. Across a daylight-saving change the same wall-clock time maps to a different UTC time.
/// </summary>
public sealed class TenantTime(ITenantDb db)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        if (_zone is not null)
        {
            return _zone;
        }

        _zone = Find(await db.TimeZoneIdAsync(cancellationToken)) ?? TimeZoneInfo.Utc;
        return _zone;
    }

    /// <summary>
    /// Keeps the scope's connection until the result is disposed (<see cref="ITenantDb.HoldConnectionAsync"/>) and reads
    /// the zone with it: when this opens the connection, in the same round trip that sets it up.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        if (_zone is not null)
        {
            return await db.HoldConnectionAsync(cancellationToken);
        }

        var (held, zoneId) = await db.HoldConnectionWithTimeZoneAsync(cancellationToken);
        _zone = Find(zoneId) ?? TimeZoneInfo.Utc;
        return held;
    }

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a time as members send it: with an offset or <c>Z</c> it is that instant; without one
    /// (<c>2026-10-24T09:00</c>) it is the wall-clock time in <paramref name="zone"/>. A wall-clock time that does not
    /// exist there (skipped by a spring-forward change) is refused; one that exists twice (autumn) is the first.
    /// </summary>
    public static DateTimeOffset Parse(string value, TimeZoneInfo zone, string field)
    {
        var text = value.Trim();
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ||
            DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return instant.ToUniversalTime();
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw InputValidationException.For(field,
                "Write the time as 2026-10-24T09:00 (in the workspace's time zone) or with an offset, such as 2026-10-24T07:00:00Z.");
        }

        return ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone, field);
    }

    public static DateTimeOffset ToUtc(DateTime wallClock, TimeZoneInfo zone, string field)
    {
        if (zone.IsInvalidTime(wallClock))
        {
            throw InputValidationException.For(field,
                $"{wallClock:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip it when daylight saving time starts.");
        }

        var offset = zone.IsAmbiguousTime(wallClock)
            ? zone.GetAmbiguousTimeOffsets(wallClock).Max() // the first occurrence: still on daylight time
            : zone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock, offset).ToUniversalTime();
    }

    /// <summary>The instant as the tenant reads it, with its offset there: <c>2026-10-24T09:00:00+02:00</c>.</summary>
    public static string ToLocalText(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // Explicit offsets only ("zzz", "'Z'"): the "K" specifier also accepts no offset at all and would read a
    // wall-clock time in the server's zone.
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
}
