using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public sealed class RecurringSeriesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ContentVariant[] Variants = [new(SocialPlatform.LinkedIn, "Pickle of the week", [])];

    private static RecurringSeries Weekly(int count) => RecurringSeries.Create(
        null, "Weekly pickle", Variants, new RepeatRule(RepeatFrequency.Weekly, 1, [DayOfWeek.Thursday], null, null, null, count),
        new DateTime(2027, 3, 18, 9, 0, 0), Guid.NewGuid(), Now);

    [Fact]
    public void Occurrences_are_made_once_each_up_to_the_horizon()
    {
        var series = Weekly(20);

        var first = series.Pending(Berlin, Now + RecurringSeries.Horizon).ToList();
        foreach (var (index, _, _) in first)
        {
            series.MadeUpTo(index, Now);
        }

        Assert.Equal(6, first.Count);
        Assert.Empty(series.Pending(Berlin, Now + RecurringSeries.Horizon));
        Assert.Equal(6, series.Pending(Berlin, Now.AddDays(7 * 6) + RecurringSeries.Horizon).First().Index);
    }

    [Fact]
    public void This_and_following_ends_the_series_and_continues_with_what_is_left_of_its_count_at_the_new_time()
    {
        var series = Weekly(10);
        var fourth = series.Occurrences(Berlin, DateTimeOffset.MaxValue).ElementAt(3);

        var next = series.ContinueFrom(3, fourth.Local, "New pickle", Variants, new TimeOnly(11, 30), Guid.NewGuid(), Now);

        Assert.Equal(3, series.Occurrences(Berlin, DateTimeOffset.MaxValue).Count());
        Assert.Equal(next.Id, series.ContinuedBy);
        var continued = next.Occurrences(Berlin, DateTimeOffset.MaxValue).ToList();
        Assert.Equal(7, continued.Count);
        Assert.Equal(new DateTime(2027, 4, 8, 11, 30, 0), continued[0].Local);
        Assert.All(continued, o => Assert.Equal(new TimeOnly(11, 30), TimeOnly.FromDateTime(o.Local)));
        Assert.Throws<DomainRuleException>(() => series.ContinueFrom(5, fourth.Local, "Late", Variants, null, Guid.NewGuid(), Now));
    }
}
