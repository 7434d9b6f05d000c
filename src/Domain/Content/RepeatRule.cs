using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Content;

public enum RepeatFrequency
{
    Weekly,
    Monthly,
}

/// <summary>
/// When a recurring post repeats, in the workspace's wall-clock time: every <see cref="Interval"/> weeks on
/// <see cref="Weekdays"/>, or every <see cref="Interval"/> months on day <see cref="MonthDay"/> (months without that
/// day are skipped, as RFC 5545 does) or on the <see cref="WeekOfMonth"/>th <see cref="Weekdays"/>[0] (-1: the last);
/// until a day (<see cref="Until"/>, inclusive) or for <see cref="Count"/> occurrences. Each occurrence keeps the first
/// one's local time across daylight-saving changes; a time the clocks skip moves forward by the gap.
/// </summary>
public sealed record RepeatRule(
    RepeatFrequency Frequency, int Interval, IReadOnlyList<DayOfWeek> Weekdays, int? MonthDay, int? WeekOfMonth, DateOnly? Until, int? Count)
{
    public const int MaxCount = 366;
    public const int MaxInterval = 52;

    /// <summary>Refuses a rule that names no day, repeats without end or past the limits; the field names what is wrong.</summary>
    public RepeatRule Validated()
    {
        if (Interval is < 1 or > MaxInterval)
        {
            throw new DomainRuleException($"Repeat every 1 to {MaxInterval} {(Frequency == RepeatFrequency.Weekly ? "weeks" : "months")}.", "repeat.interval");
        }

        if (Frequency == RepeatFrequency.Weekly && Weekdays.Count == 0)
        {
            throw new DomainRuleException("Choose the days of the week to post on.", "repeat.weekdays");
        }

        if (Frequency == RepeatFrequency.Monthly && (MonthDay is null) == (WeekOfMonth is null))
        {
            throw new DomainRuleException("Choose a day of the month (such as the 15th) or a weekday (such as the second Tuesday).", "repeat.monthDay");
        }

        if (MonthDay is < 1 or > 31)
        {
            throw new DomainRuleException("A day of the month is 1 to 31.", "repeat.monthDay");
        }

        if (WeekOfMonth is not null && (WeekOfMonth is < -1 or 0 or > 4 || Weekdays.Count != 1))
        {
            throw new DomainRuleException("Choose one weekday and which of the month: first to fourth, or last.", "repeat.weekOfMonth");
        }

        if ((Until is null) == (Count is null))
        {
            throw new DomainRuleException("Say when the series ends: on a date, or after a number of posts.", "repeat.until");
        }

        if (Count is < 1 or > MaxCount)
        {
            throw new DomainRuleException($"A series has 1 to {MaxCount} posts.", "repeat.count");
        }

        return this;
    }

    /// <summary>
    /// The occurrences from <paramref name="first"/> (a wall-clock time in <paramref name="zone"/>, itself the first
    /// occurrence when it matches the rule) as UTC instants, numbered from 0, up to <paramref name="horizon"/>.
    /// </summary>
    public IEnumerable<(int Index, DateTime Local, DateTimeOffset At)> Occurrences(DateTime first, TimeZoneInfo zone, DateTimeOffset horizon)
    {
        var index = 0;
        foreach (var day in Days(DateOnly.FromDateTime(first)))
        {
            if ((Until is { } until && day > until) || (Count is { } count && index >= count))
            {
                yield break;
            }

            var local = day.ToDateTime(TimeOnly.FromDateTime(first), DateTimeKind.Unspecified);
            var at = ToUtc(local, zone);
            if (at > horizon)
            {
                yield break;
            }

            yield return (index++, local, at);
        }
    }

    private IEnumerable<DateOnly> Days(DateOnly start)
    {
        if (Frequency == RepeatFrequency.Weekly)
        {
            // Weeks start on the first day's week (Monday-based), every Interval weeks.
            var weekStart = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
            for (var week = 0; week < 100 * 53; week += Interval)
            {
                foreach (var day in Weekdays.Distinct().Select(d => weekStart.AddDays((week * 7) + (((int)d + 6) % 7))).Order())
                {
                    if (day >= start)
                    {
                        yield return day;
                    }
                }
            }

            yield break;
        }

        for (var month = 0; month < 100 * 12; month += Interval)
        {
            var first = new DateOnly(start.Year, start.Month, 1).AddMonths(month);
            if (DayInMonth(first) is { } day && day >= start)
            {
                yield return day;
            }
        }
    }

    private DateOnly? DayInMonth(DateOnly first)
    {
        var length = DateTime.DaysInMonth(first.Year, first.Month);
        if (MonthDay is { } monthDay)
        {
            return monthDay <= length ? first.AddDays(monthDay - 1) : null;
        }

        var weekday = Weekdays[0];
        if (WeekOfMonth == -1)
        {
            var last = first.AddDays(length - 1);
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var firstMatch = first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7);
        return firstMatch.AddDays(7 * (WeekOfMonth!.Value - 1));
    }

    // The same wall-clock time on every day; a time the clocks skip (spring) is moved forward by the gap, and a time
    // that happens twice (autumn) is the first, as the composer reads it.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && r.DateEnd >= local);
            local = local.Add(rule?.DaylightDelta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromHours(1));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
