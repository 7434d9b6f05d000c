using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Automation;

/// <summary>Whether the tenant's plan includes automation; refuses with a plan-limit error (402) when it does not.</summary>
public interface IAutomationEntitlement
{
    Task EnsureAutomationAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The durable timer of scheduled posts (a table every node of the cluster claims from): one entry per scheduled item of
/// the current tenant.
/// Scheduling replaces whatever the item had, so a reschedule never leaves the old time behind.
/// </summary>
public interface IPublishScheduler
{
    Task ScheduleAsync(Guid itemId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Several at once, in one round trip to the store where it can.</summary>
    Task ScheduleAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken);

    /// <summary>
    /// Items that never had a trigger (just created, as an import makes them): written without first removing what
    /// they had, which halves the store's work for thousands of posts.
    /// </summary>
    Task ScheduleNewAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken) =>
        ScheduleAsync(items, cancellationToken);

    /// <summary>
    /// A trigger for each item that has none, at its time; items that have one keep it as it is. Returns how many were
    /// written. One statement: no item can get a trigger between a check and the write.
    /// </summary>
    Task<int> ScheduleMissingAsync(IReadOnlyCollection<(Guid ItemId, DateTimeOffset At)> items, CancellationToken cancellationToken);

    /// <summary>Removes the item's trigger; an item without one is not an error.</summary>
    Task UnscheduleAsync(Guid itemId, CancellationToken cancellationToken);

    Task<bool> IsScheduledAsync(Guid itemId, CancellationToken cancellationToken);
}

/// <summary>
/// An image or video of a post: a signed link the network can fetch (<see cref="Url"/>) and, for networks that take the
/// bytes themselves (YouTube, TikTok, Pinterest videos), <see cref="Content"/>. <see cref="AltText"/> describes it for
/// networks that take a description. <see cref="NetworkMediaId"/> is the network's own id for it once uploaded there
/// (LinkedIn's image or video URN, X's media id: see <see cref="ISocialMediaUploader"/>).
/// </summary>
public sealed record PublishMedia(Uri Url, bool IsVideo, string? AltText = null, MediaContent? Content = null, string? NetworkMediaId = null);

/// <summary>A medium's bytes: their length and type, and a way to read them as a stream (never all in memory).</summary>
public sealed record MediaContent(long Length, string MediaType, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>One post to one network, with the credentials to send it; <see cref="Options"/> are the variant's network settings.</summary>
public sealed record PublishRequest(
    SocialPlatform Platform, string AccountId, string AccessToken, string Text, IReadOnlyList<PublishMedia> Media, Guid ItemId, Guid AttemptId,
    Domain.Content.PostOptions? Options = null);

public enum PublishResultKind
{
    Published,
    /// <summary>Transient (429, 5xx, connection refused before sending): safe to send again later.</summary>
    RetryLater,
    /// <summary>The request went out and the answer was lost: never sent again blindly.</summary>
    Unconfirmed,
    /// <summary>The network refused the post for good (4xx); <see cref="PublishResult.Message"/> is its reason.</summary>
    Rejected,
    /// <summary>The network refused the access token (401 or its equivalent).</summary>
    Unauthorized,
}

public sealed record PublishResult(PublishResultKind Kind, string? PostId = null, string? Message = null, TimeSpan? RetryAfter = null)
{
    public static PublishResult Published(string postId) => new(PublishResultKind.Published, postId);

    public static PublishResult Retry(string message, TimeSpan? retryAfter = null) => new(PublishResultKind.RetryLater, null, message, retryAfter);

    public static PublishResult Lost(string message) => new(PublishResultKind.Unconfirmed, null, message);

    public static PublishResult Rejected(string message) => new(PublishResultKind.Rejected, null, message);

    public static PublishResult Unauthorized(string message) => new(PublishResultKind.Unauthorized, null, message);
}

/// <summary>Publishes a post on one network, speaking its wire format, and says how it went without throwing for network answers.</summary>
public interface ISocialPublisher
{
    SocialPlatform Platform { get; }

    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken);
}

public sealed record RefreshedTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt);

/// <summary>A refresh's answer: new tokens, or the network's OAuth error (<c>invalid_grant</c> means the grant is gone).</summary>
public sealed record TokenRefreshOutcome(RefreshedTokens? Tokens, string? Error = null, string? Description = null)
{
    public bool GrantRevoked => Error == "invalid_grant";
}

/// <summary>The OAuth 2.0 refresh_token grant of a network.</summary>
public interface ITokenRefresher
{
    /// <summary>New tokens, or why the network refused the grant; throws for transient failures (5xx, no connection).</summary>
    Task<TokenRefreshOutcome> TryRefreshAsync(SocialPlatform platform, string refreshToken, CancellationToken cancellationToken);
}

/// <summary>Encrypts network tokens at rest, with a purpose per network so a token cannot be read as another's.</summary>
public interface ISocialTokenProtector
{
    string Protect(SocialPlatform platform, string token);

    string Unprotect(SocialPlatform platform, string protectedToken);
}
