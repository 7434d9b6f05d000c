namespace BrandAutomator.Domain.Feeds;

/// <summary>
/// An item seen in a feed, keyed by its GUID (or its link when it has none): unique per feed in the database, so an
/// item becomes one post however many nodes read the feed and however often the feed is read again.
/// </summary>
public sealed class FeedEntry
{
    public const int KeyLength = 64;

    private FeedEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid FeedId { get; private set; }

    /// <summary>SHA-256 (hex) of the item's GUID, or of its link.</summary>
    public string Key { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Link { get; private set; }

    /// <summary>The post made from it; null for items that were in the feed when it was added.</summary>
    public Guid? ContentItemId { get; private set; }

    public DateTimeOffset SeenAt { get; private set; }

    public static FeedEntry Seen(Guid feedId, string key, string title, string? link, Guid? contentItemId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FeedId = feedId,
        Key = key,
        Title = title.Length > 300 ? title[..300] : title,
        Link = link is { Length: > 2048 } ? link[..2048] : link,
        ContentItemId = contentItemId,
        SeenAt = now,
    };
}
