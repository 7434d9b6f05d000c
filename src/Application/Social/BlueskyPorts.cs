namespace BrandAutomator.Application.Social;

/// <summary>A Bluesky account signed in: its DID (what posts are written to), its handle and the session's tokens.</summary>
public sealed record BlueskySession(string Did, string Handle, string AccessJwt, string RefreshJwt, DateTimeOffset? AccessExpiresAt);

/// <summary>Bluesky's answer to a sign-in: a session, or its reason for refusing (safe to show: it never holds the password).</summary>
public sealed record BlueskySignIn(BlueskySession? Session, string? Refusal);

/// <summary>Bluesky's sign-in with a handle (or e-mail) and an app password: <c>com.atproto.server.createSession</c>.</summary>
public interface IBlueskySessions
{
    /// <summary>A session or Bluesky's refusal; throws <see cref="Common.Errors.ExternalServiceException"/> when Bluesky cannot be reached.</summary>
    Task<BlueskySignIn> CreateSessionAsync(string identifier, string appPassword, CancellationToken cancellationToken);
}
