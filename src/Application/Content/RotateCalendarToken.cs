using System.Security.Cryptography;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
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
