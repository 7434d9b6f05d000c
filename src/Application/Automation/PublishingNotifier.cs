using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Content;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Automation;

/// <summary>Tells members when a post could not be published: an in-app notification (saved with the post's state) and an e-mail.</summary>
public sealed partial class PublishingNotifier(
    ITenantDb db, IIdentityService identity, IEmailSender email, IAppLinks links, TimeProvider clock, ILogger<PublishingNotifier> logger)
{
    public const string FailedKind = "publish-failed";
    public const string UnconfirmedKind = "publish-unconfirmed";

    /// <summary>Adds the notification to the unit of work that records the outcome.</summary>
    public Notification Add(ContentItem item, bool unconfirmed, string reason)
    {
        var notification = unconfirmed
            ? Notification.Create(UnconfirmedKind, $"Check whether \"{item.Title}\" was published",
                $"The request went out but no answer came back, so it is not known whether the post is online. It will not be sent again on its own. {reason}",
                item.Id, clock.GetUtcNow())
            : Notification.Create(FailedKind, $"\"{item.Title}\" was not published", reason, item.Id, clock.GetUtcNow());
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>E-mails the post's author after the outcome is saved; a failed e-mail is logged, never fatal.</summary>
    public async Task EmailAsync(ContentItem item, Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            var authors = await identity.FindByIdsAsync([item.CreatedBy], cancellationToken);
            var author = authors.Count > 0 ? authors[0] : null;
            if (author is null)
            {
                return;
            }

            await email.SendAsync(new EmailMessage(author.Email, notification.Title,
                $"{notification.Body}\n\nOpen the post: {links.ContentItem(item.Id)}\n"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEmailFailed(logger, ex, item.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not e-mail the publishing outcome of post {ItemId}")]
    private static partial void LogEmailFailed(ILogger logger, Exception exception, Guid itemId);
}
