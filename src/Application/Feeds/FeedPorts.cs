namespace BrandAutomator.Application.Feeds;

/// <summary>One item of a feed as read: its GUID (or Atom id), link, title and summary (HTML already reduced to text).</summary>
public sealed record FetchedItem(string? Id, string? Link, string Title, string Summary, DateTimeOffset? Published);

public enum FeedFetchStatus
{
    /// <summary>The feed answered with its items.</summary>
    Fetched,

    /// <summary>304: nothing changed since the ETag or Last-Modified sent.</summary>
    NotModified,

    /// <summary>Unreachable, refused, an error status, or not a feed: <see cref="FeedFetchResult.Error"/> says which, in words.</summary>
    Failed,
}

public sealed record FeedFetchResult(
    FeedFetchStatus Status, IReadOnlyList<FetchedItem> Items, string? ETag, string? LastModified, string? Error)
{
    public static FeedFetchResult Failure(string error) => new(FeedFetchStatus.Failed, [], null, null, error);
}

/// <summary>Reads an RSS or Atom feed over HTTP, sending the last ETag and Last-Modified; never throws for the feed's faults.</summary>
public interface IFeedFetcher
{
    Task<FeedFetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken);
}

/// <summary>Whether an address may be fetched at all (in Production: not a private, loopback or link-local one).</summary>
public interface IFeedAddressPolicy
{
    /// <summary>Null when allowed; otherwise why not, in words.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
