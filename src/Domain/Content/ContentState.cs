namespace BrandAutomator.Domain.Content;

/// <summary>
/// Draft -> InReview -> Approved -> Scheduled -> Publishing -> Published | Failed | Unconfirmed | Cancelled.
/// <see cref="Unconfirmed"/>: the request went out and its answer was lost, so the post may or may not be online;
/// only the user can tell, and it is never sent again without them.
/// </summary>
public enum ContentState
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Publishing,
    Published,
    Failed,
    Unconfirmed,
    Cancelled,
}

/// <summary>The text and media of a post on one network, with the settings only some networks have (<see cref="PostOptions"/>).</summary>
public sealed record ContentVariant(Social.SocialPlatform Platform, string Text, IReadOnlyList<Guid> MediaAssetIds, PostOptions? Options = null);
