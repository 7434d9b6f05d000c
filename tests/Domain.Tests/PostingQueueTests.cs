using BrandAutomator.Domain.Queue;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public class PostingQueueTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static QueueSlot Slot(DayOfWeek day, int hour, int minute = 0) =>
        QueueSlot.Create(null, SocialPlatform.LinkedIn, day, new TimeOnly(hour, minute), Now);

    [Fact]
    public void A_slot_keeps_its_wall_clock_time_when_summer_time_starts()
    {
        // Sunday 09:00 in Berlin: 08:00Z in winter, 07:00Z from 2027-03-28 on.
        var from = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);
        var next = PostingQueue.Occurrences([Slot(DayOfWeek.Sunday, 9)], Berlin, from).Take(3).ToList();

        Assert.Equal(
            [
                new DateTimeOffset(2027, 3, 21, 8, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 4, 4, 7, 0, 0, TimeSpan.Zero),
            ],
            next);
    }

    [Fact]
    public void A_slot_keeps_its_wall_clock_time_when_summer_time_ends()
    {
        var from = new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);
        var next = PostingQueue.Occurrences([Slot(DayOfWeek.Sunday, 9)], Berlin, from).Take(2).ToList();

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)], next);
    }

    [Fact]
    public void A_slot_in_the_skipped_hour_moves_forward_by_the_gap()
    {
        // 02:30 does not exist in Berlin on 2027-03-28: the post goes out at 03:30 summer time (01:30Z).
        var from = new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero);
        var next = PostingQueue.Occurrences([Slot(DayOfWeek.Sunday, 2, 30)], Berlin, from).First();

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void A_skipped_slot_moved_onto_another_slot_counts_once()
    {
        var from = new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero);
        var next = PostingQueue.Occurrences([Slot(DayOfWeek.Sunday, 2, 30), Slot(DayOfWeek.Sunday, 3, 30)], Berlin, from).Take(2).ToList();

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), next[0]);
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 0, 30, 0, TimeSpan.Zero), next[1]);
    }

    [Fact]
    public void A_slot_in_the_hour_that_happens_twice_is_the_first_of_the_two()
    {
        // 02:30 happens twice in Berlin on 2026-10-25: first in summer time (00:30Z), then in winter time (01:30Z).
        var from = new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero);
        var next = PostingQueue.Occurrences([Slot(DayOfWeek.Sunday, 2, 30)], Berlin, from).First();

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Next_free_skips_taken_slots_across_the_change()
    {
        // Saturday and Sunday 09:00; Saturday 2027-03-27 is taken, so the post goes to Sunday after the change.
        var slots = new[] { Slot(DayOfWeek.Saturday, 9), Slot(DayOfWeek.Sunday, 9) };
        var from = new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero);
        var taken = new HashSet<DateTimeOffset> { new(2027, 3, 27, 8, 0, 0, TimeSpan.Zero) };

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 7, 0, 0, TimeSpan.Zero), PostingQueue.NextFree(slots, Berlin, from, taken.Contains));
    }

    [Fact]
    public void Slots_earlier_today_are_past_and_the_day_is_read_in_the_workspace_zone()
    {
        // 23:30Z on Saturday is already Sunday 00:30 in Berlin: Sunday's 09:00 slot is the next one, the same night.
        var from = new DateTimeOffset(2026, 12, 5, 23, 30, 0, TimeSpan.Zero);
        var slots = new[] { Slot(DayOfWeek.Sunday, 0, 15), Slot(DayOfWeek.Sunday, 9) };

        Assert.Equal(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero), PostingQueue.NextFree(slots, Berlin, from, _ => false));
    }

    [Fact]
    public void No_slots_means_no_free_slot()
    {
        Assert.Null(PostingQueue.NextFree([], Berlin, Now, _ => false));
    }

    [Fact]
    public void A_slot_is_kept_to_the_minute()
    {
        var slot = QueueSlot.Create(null, SocialPlatform.X, DayOfWeek.Monday, new TimeOnly(9, 15, 42), Now);

        Assert.Equal(new TimeOnly(9, 15), slot.Time);
    }
}
