using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrandAutomator.WebApi.Hosting;

/// <summary>
/// Test-only: <c>Testing:ClockStart</c> (an ISO 8601 instant with its offset) starts the API's clock at that instant,
/// from where it runs at real speed. The browser journeys pin "today" this way, in the API and in the browser alike, so
/// they pass on any date; a unit test pins time with <c>FakeTimeProvider</c> instead. Production refuses the setting.
/// </summary>
public static partial class PinnedClock
{
    public const string Setting = "Testing:ClockStart";

    /// <summary>Replaces the system clock when <see cref="Setting"/> is set; call after the layers registered theirs.</summary>
    public static void UsePinnedClockWhenConfigured(this WebApplicationBuilder builder)
    {
        var value = builder.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!TryParse(value, out var start))
        {
            // Thrown, not Environment.Exit: the embedded cluster may already run, and Program stops it on the way out.
            throw new InvalidSettingException(
                $"{Setting} is \"{value}\", which is not an instant with an offset such as 2026-12-31T23:30:00+01:00. Nothing was started.");
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedTimeProvider(start, TimeProvider.System)));
        Console.WriteLine($"{Setting}: the clock starts at {start:O} (a test setting).");
    }

    /// <summary>Only a full instant counts: a date or time without its offset would mean another moment on every machine.</summary>
    public static bool TryParse(string value, out DateTimeOffset start)
    {
        start = default;
        return Instant().IsMatch(value.Trim())
            && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}

/// <summary>A clock that reads <paramref name="start"/> when made and then runs with <paramref name="inner"/>.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start, TimeProvider inner) : TimeProvider
{
    private readonly TimeSpan _shift = start - inner.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + _shift;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
