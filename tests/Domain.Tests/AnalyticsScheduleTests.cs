using BrandAutomator.Domain.Analytics;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public class AnalyticsScheduleTests
{
    private static readonly DateTimeOffset Published = new(2026, 10, 6, 7, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2.9, 0)]
    [InlineData(3, 3)]
    [InlineData(47.5, 45)]
    [InlineData(48, 48)]
    [InlineData(71, 48)]
    [InlineData(72, 72)]
    [InlineData(30 * 24 + 5, 30 * 24)]
    [InlineData(38 * 24, 37 * 24)]
    public void A_time_falls_in_the_window_of_its_band(double hoursAfter, double windowHours)
    {
        Assert.Equal(Published.AddHours(windowHours), MetricsSchedule.WindowOf(Published, Published.AddHours(hoursAfter)));
    }

    [Fact]
    public void Readings_are_three_hourly_for_two_days_then_daily_then_weekly_and_end_at_ninety_days()
    {
        var readings = new List<DateTimeOffset>();
        for (DateTimeOffset? at = Published; at is { } next; at = MetricsSchedule.NextWindow(Published, next))
        {
            readings.Add(next);
            Assert.True(readings.Count < 100, "The schedule never ends.");
        }

        Assert.Equal(16, readings.Count(r => r - Published < TimeSpan.FromHours(48)));
        Assert.Equal(28, readings.Count(r => r - Published >= TimeSpan.FromHours(48) && r - Published < TimeSpan.FromDays(30)));
        Assert.True(readings[^1] - Published < TimeSpan.FromDays(90));
        Assert.Null(MetricsSchedule.WindowOf(Published, Published.AddDays(90)));
        Assert.Equal(readings.Count, readings.Select(r => MetricsSchedule.WindowOf(Published, r)).Distinct().Count() + 1);
    }

    [Fact]
    public void A_reading_moves_the_next_one_to_the_next_window_and_a_rate_limit_postpones_it()
    {
        var post = PostPerformance.Track(Guid.NewGuid(), SocialPlatform.X, null, Guid.NewGuid(), "1", Published, hasPostMetrics: true);
        Assert.Equal(Published, post.NextCollectionAt);

        post.Record(new Dictionary<MetricKind, long> { [MetricKind.Impressions] = 10, [MetricKind.Reactions] = 2, [MetricKind.Clicks] = 1 }, Published.AddHours(4));
        Assert.Equal(Published.AddHours(6), post.NextCollectionAt);
        Assert.Equal(3, post.Engagements);

        post.Postpone(Published.AddHours(7), "X asked to wait");
        Assert.Equal(Published.AddHours(7), post.NextCollectionAt);
        Assert.Equal("X asked to wait", post.LastError);

        var google = PostPerformance.Track(Guid.NewGuid(), SocialPlatform.GoogleBusiness, null, Guid.NewGuid(), "p", Published, hasPostMetrics: false);
        Assert.Null(google.NextCollectionAt);
    }

    [Fact]
    public void With_no_results_the_suggestions_are_weekday_mornings()
    {
        var slots = PostingTimes.Suggest([]);

        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.InRange(s.Hour, 8, 10));
        Assert.All(slots, s => Assert.DoesNotContain(s.Day, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
    }

    [Fact]
    public void A_few_strong_posts_at_one_hour_put_it_first_and_one_lucky_post_does_not_beat_many_good_ones()
    {
        var results = new List<PostingResult>
        {
            new(DayOfWeek.Tuesday, 9, 2.5), new(DayOfWeek.Tuesday, 9, 2.2), new(DayOfWeek.Tuesday, 9, 2.8),
            new(DayOfWeek.Saturday, 23, 3.5),
            new(DayOfWeek.Friday, 15, 0.4), new(DayOfWeek.Friday, 15, 0.5),
        };

        var slots = PostingTimes.Suggest(results);

        Assert.Equal((DayOfWeek.Tuesday, 9), (slots[0].Day, slots[0].Hour));
        Assert.Equal(3, slots[0].Posts);
        Assert.DoesNotContain(slots, s => s.Day == DayOfWeek.Tuesday && s.Hour is 8 or 10);
    }
}
