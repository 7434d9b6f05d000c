using BrandAutomator.Domain.Webhooks;

namespace BrandAutomator.Application.Webhooks;

/// <summary>An event an endpoint may subscribe to, in words for the settings page.</summary>
public sealed record WebhookEventTypeDto(string Type, string Label, string Description);

public static class WebhookEventLabels
{
    public static readonly IReadOnlyList<WebhookEventTypeDto> All =
    [
        new(WebhookEventTypes.PostScheduled, "Post scheduled", "A post was scheduled or moved to another time."),
        new(WebhookEventTypes.PostPublished, "Post published", "A post went out on every network it names."),
        new(WebhookEventTypes.PostFailed, "Post failed", "A post could not be published."),
        new(WebhookEventTypes.PostUnconfirmed, "Post unconfirmed", "A network did not answer, so it is not known whether the post is online."),
        new(WebhookEventTypes.ApprovalRequested, "Approval requested", "A post was submitted for review."),
        new(WebhookEventTypes.ApprovalDecided, "Approval decided", "An admin approved a post or sent it back with a comment."),
        new(WebhookEventTypes.AssetReady, "Asset ready", "An uploaded file finished processing and can be used."),
        new(WebhookEventTypes.ConnectionNeedsAttention, "Connection needs attention", "A social account must be reconnected before posts can go out through it."),
        new(WebhookEventTypes.SubscriptionChanged, "Subscription changed", "The workspace's plan or the state of its subscription changed."),
    ];

    public static string Label(string type) =>
        type == WebhookEventTypes.Test ? "Test event" : All.FirstOrDefault(e => e.Type == type)?.Label ?? type;
}
