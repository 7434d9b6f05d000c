namespace BrandAutomator.Domain.Analytics;

/// <summary>One published post's result for learning when to post: its hour of the week where the workspace is, and how it did against its network's average (1 = average).</summary>
public sealed record PostingResult(DayOfWeek Day, int Hour, double Score);

/// <summary>A suggested weekly posting time and how sure the suggestion is.</summary>
public sealed record PostingTimeSuggestion(DayOfWeek Day, int Hour, double Score, int Posts);

/// <summary>
/// Best times to post, learned from a workspace's own results: each hour of the week scores the average of its posts'
/// scores, shrunk towards a prior by <see cref="PriorWeight"/> imagined posts. The prior is the general pattern of
/// business audiences (weekday mornings, lunchtime and early evening, quieter nights and weekends), so with no data the
/// suggestions are the usual good times, and a few strong posts at one hour move it to the top.
/// </summary>
public static class PostingTimes
{
    public const double PriorWeight = 2;

    /// <summary>The general pattern: how an hour of the week does against the average, before any result of the workspace.</summary>
    public static double Prior(DayOfWeek day, int hour)
    {
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var byHour = hour switch
        {
            >= 8 and <= 10 => 1.2,
            >= 11 and <= 13 => 1.1,
            >= 17 and <= 19 => 1.0,
            >= 14 and <= 16 => 0.9,
            >= 6 and <= 7 or >= 20 and <= 21 => 0.7,
            _ => 0.3,
        };
        var byDay = weekend ? 0.7 : day is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday ? 1.05 : 1.0;
        return byHour * byDay;
    }

    /// <summary>
    /// The <paramref name="count"/> best hours of the week, best first, at least <paramref name="spacingHours"/> apart on
    /// the same day so that the suggestions are different times, not one peak three times.
    /// </summary>
    public static IReadOnlyList<PostingTimeSuggestion> Suggest(IEnumerable<PostingResult> results, int count = 5, int spacingHours = 3)
    {
        var byHour = results.GroupBy(r => (r.Day, r.Hour)).ToDictionary(g => g.Key, g => (Sum: g.Sum(r => r.Score), Count: g.Count()));
        var scored = new List<PostingTimeSuggestion>(7 * 24);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var (sum, n) = byHour.GetValueOrDefault((day, hour));
                var score = (sum + (PriorWeight * Prior(day, hour))) / (n + PriorWeight);
                scored.Add(new PostingTimeSuggestion(day, hour, Math.Round(score, 3), n));
            }
        }

        var chosen = new List<PostingTimeSuggestion>();
        foreach (var candidate in scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Posts).ThenBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Hour))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!chosen.Any(c => c.Day == candidate.Day && Math.Abs(c.Hour - candidate.Hour) < spacingHours))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }
}
