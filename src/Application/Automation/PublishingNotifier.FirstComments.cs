using BrandAutomator.Domain.Content;

namespace BrandAutomator.Application.Automation;

/// <summary>A published post whose first comment did not get out: the post is fine, the comment can be sent again.</summary>
public sealed partial class PublishingNotifier
{
    public const string FirstCommentFailedKind = "first-comment-failed";

    /// <summary>Adds the notification to the unit of work that records the outcome; <paramref name="reasons"/> name each network.</summary>
    public Notification AddFirstCommentFailed(ContentItem item, string reasons)
    {
        var notification = Notification.Create(FirstCommentFailedKind, $"\"{item.Title}\" is published, but a first comment is not",
            $"{reasons} Open the post to send the first comment again.", item.Id, clock.GetUtcNow());
        db.Notifications.Add(notification);
        return notification;
    }
}
