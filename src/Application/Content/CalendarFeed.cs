using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

public sealed record CalendarTokenDto(string Token, Uri FeedUrl);

/// <summary>
/// Issues the caller a new secret for their calendar feed, replacing the old one (which stops working at once). The
/// token carries the tenant and user it belongs to, because the feed is read without a sign-in.
/// </summary>
public sealed record RotateCalendarToken : ICommand<CalendarTokenDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class RotateCalendarTokenHandler(ITenantDb db, ICurrentUser user, IAppLinks links, TimeProvider clock)
    : ICommandHandler<RotateCalendarToken, CalendarTokenDto>
{
    public async ValueTask<CalendarTokenDto> Handle(RotateCalendarToken command, CancellationToken cancellationToken)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = CalendarFeedTokens.Hash(secret);
        var now = clock.GetUtcNow();
        var existing = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == user.UserId, cancellationToken);
        if (existing is null)
        {
            db.CalendarFeedTokens.Add(CalendarFeedToken.Issue(user.UserId, hash, now));
        }
        else
        {
            existing.Rotate(hash, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var token = CalendarFeedTokens.Format(user.TenantId, user.UserId, secret);
        return new CalendarTokenDto(token, links.CalendarFeed(token));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The feed: an RFC 5545 calendar of the tenant's planned and published posts, for the owner of <see cref="Token"/>.</summary>
public sealed record GetCalendarFeed(string Token) : IQuery<string>;

public sealed class GetCalendarFeedHandler(ICatalogDb catalog, ITenantContext tenant, ITenantDb db, TimeProvider clock)
    : IQueryHandler<GetCalendarFeed, string>
{
    private static readonly TimeSpan Past = TimeSpan.FromDays(90);
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(400);

    public async ValueTask<string> Handle(GetCalendarFeed query, CancellationToken cancellationToken)
    {
        if (!CalendarFeedTokens.TryParse(query.Token, out var tenantId, out var userId, out var secret))
        {
            throw new NotFoundException("Calendar");
        }

        // The tenant must exist and be ready before its schema is touched, and the user must still be a member.
        var member = await catalog.Memberships.AsNoTracking().AnyAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken)
            && await catalog.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.State == TenantState.Ready, cancellationToken);
        if (!member)
        {
            throw new NotFoundException("Calendar");
        }

        tenant.Use(tenantId);
        var stored = await db.CalendarFeedTokens.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (stored is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(stored.SecretHash), Encoding.ASCII.GetBytes(CalendarFeedTokens.Hash(secret))))
        {
            throw new NotFoundException("Calendar");
        }

        var now = clock.GetUtcNow();
        var from = now - Past;
        var to = now + Ahead;
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.ScheduledAt >= from && c.ScheduledAt < to && c.State != ContentState.Cancelled)
            .OrderBy(c => c.ScheduledAt).Take(5000)
            .ToListAsync(cancellationToken);
        var name = await catalog.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        return ICalendarWriter.Write(name, items, now);
    }
}

internal static class CalendarFeedTokens
{
    private const string Prefix = "cal";

    public static string Format(Guid tenantId, Guid userId, string secret) => $"{Prefix}.{tenantId:N}.{userId:N}.{secret}";

    public static bool TryParse(string? token, out Guid tenantId, out Guid userId, out string secret)
    {
        tenantId = userId = Guid.Empty;
        secret = "";
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != Prefix || parts[3].Length is < 20 or > 100 ||
            !Guid.TryParseExact(parts[1], "N", out tenantId) || !Guid.TryParseExact(parts[2], "N", out userId))
        {
            return false;
        }

        secret = parts[3];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}

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
