using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Content;

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
