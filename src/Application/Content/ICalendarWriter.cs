using System.Globalization;
using System.Text;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Content;

/// <summary>RFC 5545 by hand: CRLF line ends, lines folded at 75 octets, text escaped, times in UTC.</summary>
internal static class ICalendarWriter
{
    public static string Write(string calendarName, IReadOnlyList<ContentItem> items, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AI Brand Automator//Content calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            $"X-WR-CALNAME:{Escape(calendarName + " content")}",
        };
        var stamp = Utc(now);
        foreach (var item in items)
        {
            var start = item.ScheduledAt!.Value;
            var networks = string.Join(", ", item.Variants.Select(v => v.Platform.DisplayName()));
            var description = string.Join("\n\n", item.Variants.Select(v => $"{v.Platform.DisplayName()}: {v.Text}"));
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{item.Id}@brandautomator");
            lines.Add($"DTSTAMP:{stamp}");
            lines.Add($"DTSTART:{Utc(start)}");
            lines.Add($"DTEND:{Utc(start.AddMinutes(15))}");
            lines.Add($"SUMMARY:{Escape($"{item.Title} ({networks})")}");
            lines.Add($"DESCRIPTION:{Escape($"State: {item.State}\n\n{description}")}");
            lines.Add($"STATUS:{(item.State is ContentState.Draft or ContentState.InReview ? "TENTATIVE" : "CONFIRMED")}");
            lines.Add($"CATEGORIES:{Escape(item.State.ToString())}");
            lines.Add($"LAST-MODIFIED:{Utc(item.UpdatedAt)}");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a CRLF and one space, never inside a UTF-8 sequence.</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            builder.Append(rune.ToString());
            octets += size;
        }

        builder.Append("\r\n");
    }
}
