namespace BrandAutomator.Domain.Analytics;

/// <summary>
/// When a published post's metrics are read: every <see cref="EarlyStep"/> in its first 48 hours (when most of its
/// reach happens), then daily until day 30, then weekly until day 90, then never again. Time after publishing is cut
/// into windows; a reading stores one value per metric and window, so reading a window again replaces its values
/// instead of adding rows, and a collector that restarts picks up the window it is in.
/// </summary>
public static class MetricsSchedule
{
    public static readonly TimeSpan EarlyStep = TimeSpan.FromHours(3);
    public static readonly TimeSpan EarlyPeriod = TimeSpan.FromHours(48);
    public static readonly TimeSpan DailyUntil = TimeSpan.FromDays(30);
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>The start of the window that <paramref name="at"/> falls in; null once the post is past the horizon.</summary>
    public static DateTimeOffset? WindowOf(DateTimeOffset publishedAt, DateTimeOffset at)
    {
        var age = at - publishedAt;
        if (age < TimeSpan.Zero)
        {
            return publishedAt;
        }

        if (age >= Horizon)
        {
            return null;
        }

        var (start, step) = Band(age);
        return publishedAt + start + (step * Math.Floor((age - start) / step));
    }

    /// <summary>When the window after the one <paramref name="at"/> falls in begins; null when there is none.</summary>
    public static DateTimeOffset? NextWindow(DateTimeOffset publishedAt, DateTimeOffset at)
    {
        if (WindowOf(publishedAt, at) is not { } window)
        {
            return null;
        }

        var (_, step) = Band(window - publishedAt);
        var next = window + step;
        // The weekly band ends at the horizon, which is not a whole number of weeks after day 30: one last reading there.
        if (next - publishedAt >= Horizon)
        {
            var last = publishedAt + Horizon - TimeSpan.FromMinutes(1);
            return last > at ? last : null;
        }

        return next;
    }

    private static (TimeSpan Start, TimeSpan Step) Band(TimeSpan age) =>
        age < EarlyPeriod ? (TimeSpan.Zero, EarlyStep)
        : age < DailyUntil ? (EarlyPeriod, TimeSpan.FromDays(1))
        : (DailyUntil, TimeSpan.FromDays(7));
}
