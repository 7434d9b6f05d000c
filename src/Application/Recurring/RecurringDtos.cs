using System.Globalization;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;

namespace BrandAutomator.Application.Recurring;

/// <summary>
/// How a post repeats: <c>weekly</c> on <see cref="Weekdays"/> every <see cref="Interval"/> weeks, or <c>monthly</c> on
/// day <see cref="MonthDay"/> or on the <see cref="WeekOfMonth"/>th (1-4, -1 for the last) of <see cref="Weekdays"/>[0];
/// until the day <see cref="Until"/> (included) or for <see cref="Count"/> posts.
/// </summary>
public sealed record RepeatRuleDto(
    RepeatFrequency Frequency, int Interval, IReadOnlyList<DayOfWeek>? Weekdays, int? MonthDay, int? WeekOfMonth, string? Until, int? Count)
{
    /// <summary>The rule; <see cref="Until"/> is a day, <c>2027-06-30</c>.</summary>
    public RepeatRule ToDomain()
    {
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(Until))
        {
            until = DateOnly.TryParseExact(Until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw InputValidationException.For("repeat.until", "Write the last day as 2027-06-30.");
        }

        return new RepeatRule(Frequency, Interval, Weekdays ?? [], MonthDay, WeekOfMonth, until, Count).Validated();
    }

    public static RepeatRuleDto From(RepeatRule rule) => new(rule.Frequency, rule.Interval, rule.Weekdays, rule.MonthDay, rule.WeekOfMonth,
        rule.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rule.Count);
}

/// <summary>One occurrence: its own post, with its own state; <see cref="Problem"/> says why it was not scheduled.</summary>
public sealed record OccurrenceDto(
    int Index, Guid PostId, ContentState State, DateTimeOffset? ScheduledAt, string? ScheduledLocal, string? Problem);

/// <summary>
/// A recurring post: its rule from <see cref="Start"/> (wall-clock time in <see cref="TimeZone"/>), the occurrences made
/// so far (ahead for eight weeks) and, when "this and following" changed it, the series that took over.
/// </summary>
public sealed record RecurringSeriesDto(
    Guid Id, Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, RepeatRuleDto Repeat, string Start,
    string TimeZone, Guid? ContinuedBy, IReadOnlyList<OccurrenceDto> Occurrences);
