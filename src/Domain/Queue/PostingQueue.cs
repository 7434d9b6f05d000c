namespace BrandAutomator.Domain.Queue;

/// <summary>
/// Turns weekly slots (wall-clock times in the workspace's zone) into instants, and finds the next one that is free.
/// Across a daylight-saving change a slot keeps its wall-clock time, so its UTC instant moves by the change: a slot in
/// the hour the clocks skip moves forward by the gap (02:30 becomes 03:30), and a slot in the hour that happens twice
/// is the first of the two, as a time typed in the calendar is.
/// </summary>
public static class PostingQueue
{
    /// <summary>How far ahead the queue looks for a free slot: past a year the queue is full for practical purposes.</summary>
    public const int HorizonDays = 371;

    /// <summary>The slots' instants at or after <paramref name="from"/>, earliest first, each instant once.</summary>
    public static IEnumerable<DateTimeOffset> Occurrences(
        IReadOnlyCollection<QueueSlot> slots, TimeZoneInfo zone, DateTimeOffset from, int days = HorizonDays)
    {
        if (slots.Count == 0)
        {
            yield break;
        }

        var times = slots.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.Select(s => s.Time).Distinct().Order().ToList());
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var last = DateTimeOffset.MinValue;
        for (var d = 0; d < days; d++)
        {
            var date = firstDay.AddDays(d);
            if (!times.TryGetValue(date.DayOfWeek, out var ofDay))
            {
                continue;
            }

            foreach (var at in ofDay.Select(time => ToInstant(date.ToDateTime(time), zone)).Order())
            {
                // A skipped time moved forward can meet a slot that was there already: one instant, once.
                if (at >= from && at > last)
                {
                    last = at;
                    yield return at;
                }
            }
        }
    }

    /// <summary>The first instant of the slots at or after <paramref name="from"/> that <paramref name="isTaken"/> does not claim; null when none within the horizon.</summary>
    public static DateTimeOffset? NextFree(
        IReadOnlyCollection<QueueSlot> slots, TimeZoneInfo zone, DateTimeOffset from, Func<DateTimeOffset, bool> isTaken) =>
        Occurrences(slots, zone, from).Where(at => !isTaken(at)).Select(at => (DateTimeOffset?)at).FirstOrDefault();

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant (see the type's summary for the two DST cases).</summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap, applied to the skipped time, lands as far past the gap as the time was into it.
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
