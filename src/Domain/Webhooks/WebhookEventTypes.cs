namespace BrandAutomator.Domain.Webhooks;

/// <summary>The events a webhook endpoint may subscribe to, as they appear in the payload's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string PostScheduled = "post.scheduled";
    public const string PostPublished = "post.published";
    public const string PostFailed = "post.failed";
    public const string PostUnconfirmed = "post.unconfirmed";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalDecided = "approval.decided";
    public const string AssetReady = "asset.ready";
    public const string ConnectionNeedsAttention = "connection.needs_attention";
    public const string SubscriptionChanged = "subscription.changed";

    /// <summary>Sent only on request, to one endpoint, to try it out; never subscribed to.</summary>
    public const string Test = "webhook.test";

    /// <summary>Every event an endpoint may subscribe to, in the order a list shows them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PostScheduled, PostPublished, PostFailed, PostUnconfirmed, ApprovalRequested, ApprovalDecided, AssetReady,
        ConnectionNeedsAttention, SubscriptionChanged,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
