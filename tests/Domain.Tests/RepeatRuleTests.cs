using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;

namespace BrandAutomator.Domain.Tests;

public sealed class RepeatRuleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset FarAway = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RepeatRule Weekly(params DayOfWeek[] days) => new(RepeatFrequency.Weekly, 1, days, null, null, null, 8);

    [Fact]
    public void A_weekly_post_keeps_its_local_time_across_the_spring_change()
    {
        var rule = Weekly(DayOfWeek.Monday, DayOfWeek.Thursday).Validated();

        var occurrences = rule.Occurrences(new DateTime(2027, 3, 22, 9, 0, 0), Berlin, FarAway).ToList();

        Assert.Equal(8, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(o.Local)));
        Assert.All(occurrences, o => Assert.Equal(9, TimeZoneInfo.ConvertTime(o.At, Berlin).Hour));
        // Before 28 March Berlin is UTC+1, after it UTC+2: the same 09:00 is another UTC hour.
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero), occurrences[1].At);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero), occurrences[2].At);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], occurrences.Take(2).Select(o => o.Local.DayOfWeek));
    }

    [Fact]
    public void The_autumn_change_keeps_the_local_time_too_and_a_skipped_hour_moves_forward()
    {
        var autumn = Weekly(DayOfWeek.Sunday).Validated().Occurrences(new DateTime(2027, 10, 24, 9, 0, 0), Berlin, FarAway).Take(2).ToList();
        Assert.Equal(new DateTimeOffset(2027, 10, 24, 7, 0, 0, TimeSpan.Zero), autumn[0].At);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 8, 0, 0, TimeSpan.Zero), autumn[1].At);

        // 02:30 does not exist on 28 March 2027 in Berlin: that one goes out at 03:30, the others at 02:30.
        var night = Weekly(DayOfWeek.Sunday).Validated().Occurrences(new DateTime(2027, 3, 21, 2, 30, 0), Berlin, FarAway).Take(3).ToList();
        Assert.Equal(new DateTimeOffset(2027, 3, 21, 1, 30, 0, TimeSpan.Zero), night[0].At);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), night[1].At);
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 0, 30, 0, TimeSpan.Zero), night[2].At);
    }

    [Fact]
    public void Each_occurrence_depends_on_the_rule_alone_so_leaving_one_out_moves_no_other()
    {
        var rule = Weekly(DayOfWeek.Tuesday).Validated();
        var all = rule.Occurrences(new DateTime(2027, 1, 5, 10, 0, 0), Berlin, FarAway).ToList();
        var withoutThird = all.Where(o => o.Index != 2).ToList();

        Assert.Equal(7, withoutThird.Count);
        Assert.Equal(all.Where(o => o.Index != 2).Select(o => (o.Index, o.At)), withoutThird.Select(o => (o.Index, o.At)));
        // Starting later in the series (editing "this and following") gives the same times from there on.
        var following = rule with { Count = 6 };
        Assert.Equal(all.Skip(2).Select(o => o.At), following.Occurrences(all[2].Local, Berlin, FarAway).Select(o => o.At));
    }

    [Fact]
    public void Monthly_rules_take_a_day_of_the_month_or_the_nth_or_last_weekday()
    {
        var thirtyFirst = new RepeatRule(RepeatFrequency.Monthly, 1, [], 31, null, new DateOnly(2027, 8, 31), null).Validated();
        Assert.Equal(
            [new DateTime(2027, 1, 31, 9, 0, 0), new DateTime(2027, 3, 31, 9, 0, 0), new DateTime(2027, 5, 31, 9, 0, 0), new DateTime(2027, 7, 31, 9, 0, 0), new DateTime(2027, 8, 31, 9, 0, 0)],
            thirtyFirst.Occurrences(new DateTime(2027, 1, 31, 9, 0, 0), Berlin, FarAway).Select(o => o.Local));

        var secondTuesday = new RepeatRule(RepeatFrequency.Monthly, 1, [DayOfWeek.Tuesday], null, 2, null, 3).Validated();
        Assert.Equal([new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 9), new DateOnly(2027, 3, 9)],
            secondTuesday.Occurrences(new DateTime(2027, 1, 1, 9, 0, 0), Berlin, FarAway).Select(o => DateOnly.FromDateTime(o.Local)));

        var lastFriday = new RepeatRule(RepeatFrequency.Monthly, 2, [DayOfWeek.Friday], null, -1, null, 2).Validated();
        Assert.Equal([new DateOnly(2027, 1, 29), new DateOnly(2027, 3, 26)],
            lastFriday.Occurrences(new DateTime(2027, 1, 1, 9, 0, 0), Berlin, FarAway).Select(o => DateOnly.FromDateTime(o.Local)));
    }

    [Fact]
    public void Occurrences_stop_at_the_horizon_and_the_until_day_is_included()
    {
        var rule = new RepeatRule(RepeatFrequency.Weekly, 2, [DayOfWeek.Friday], null, null, new DateOnly(2027, 2, 12), null).Validated();
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 12)],
            rule.Occurrences(new DateTime(2027, 1, 1, 9, 0, 0), Berlin, FarAway).Select(o => DateOnly.FromDateTime(o.Local)));
        Assert.Equal(2, rule.Occurrences(new DateTime(2027, 1, 1, 9, 0, 0), Berlin, new DateTimeOffset(2027, 1, 20, 0, 0, 0, TimeSpan.Zero)).Count());
    }

    [Theory]
    [InlineData(RepeatFrequency.Weekly, 1, "", null, null, 5, "repeat.weekdays")]
    [InlineData(RepeatFrequency.Weekly, 0, "Monday", null, null, 5, "repeat.interval")]
    [InlineData(RepeatFrequency.Monthly, 1, "", null, null, 5, "repeat.monthDay")]
    [InlineData(RepeatFrequency.Monthly, 1, "Monday,Friday", null, 2, 5, "repeat.weekOfMonth")]
    [InlineData(RepeatFrequency.Weekly, 1, "Monday", null, null, null, "repeat.until")]
    [InlineData(RepeatFrequency.Weekly, 1, "Monday", null, null, 1000, "repeat.count")]
    public void A_rule_without_days_or_end_is_refused_on_its_field(
        RepeatFrequency frequency, int interval, string days, int? monthDay, int? weekOfMonth, int? count, string field)
    {
        var weekdays = days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>).ToList();
        var rule = new RepeatRule(frequency, interval, weekdays, monthDay, weekOfMonth, null, count);
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => rule.Validated()).Field);
    }
}
