using BrandAutomator.Application.Common.Ports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Notifications;

/// <summary>The workspace's notifications, newest first; <see cref="UnreadOnly"/> leaves out those already read.</summary>
public sealed record ListNotifications(bool UnreadOnly = false, int Page = 1, int PageSize = 50) : IQuery<NotificationPage>;

public sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    public ListNotificationsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
    }
}

public sealed class ListNotificationsHandler(ITenantDb db) : IQueryHandler<ListNotifications, NotificationPage>
{
    public async ValueTask<NotificationPage> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var all = db.Notifications.AsNoTracking();
        var unread = await all.CountAsync(n => n.ReadAt == null, cancellationToken);
        var shown = query.UnreadOnly ? all.Where(n => n.ReadAt == null) : all;
        var total = await shown.CountAsync(cancellationToken);
        var page = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.ContentItemId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationPage(page, unread, query.Page, query.PageSize, total);
    }
}
