using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Notifications;

public sealed record MarkNotificationRead(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class MarkNotificationReadHandler(ITenantDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead>
{
    public async ValueTask<Unit> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Notification", command.Id);
        notification.MarkRead(user.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
