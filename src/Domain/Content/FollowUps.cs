using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Content;

/// <summary>Which part of a post one publish attempt sent: the post itself, a later part of its thread, or its first comment.</summary>
public enum PublishPartKind
{
    Post,
    /// <summary>Part 2 onwards of a thread, each a reply to the part before.</summary>
    ThreadPart,
    /// <summary>Published after the post (and its thread); its failure never makes the post fail.</summary>
    FirstComment,
}

/// <summary>
/// What each network takes after the post: a first comment (Facebook and Instagram comments through the Graph API,
/// LinkedIn's Comments API, a reply on X and on Threads) and a thread (X only: each part a reply to the one before).
/// </summary>
public static class FollowUpRules
{
    /// <summary>At most this many parts in a thread, the first one included.</summary>
    public const int MaxThreadParts = 25;

    public static bool TakesFirstComment(this SocialPlatform platform) =>
        platform is SocialPlatform.Facebook or SocialPlatform.Instagram or SocialPlatform.LinkedIn or SocialPlatform.X or SocialPlatform.Threads;

    public static bool TakesThread(this SocialPlatform platform) => platform == SocialPlatform.X;

    /// <summary>
    /// The longest first comment the network takes, counted as <see cref="PlatformRules.TextLength"/> counts: an X reply is a
    /// post (280), and so is a reply on Threads (500); a LinkedIn comment 1,250 characters, an Instagram comment 2,200, a
    /// Facebook comment 8,000.
    /// </summary>
    public static int MaxFirstCommentLength(this SocialPlatform platform) => platform switch
    {
        SocialPlatform.X or SocialPlatform.Threads => platform.MaxTextLength(),
        SocialPlatform.LinkedIn => 1_250,
        SocialPlatform.Instagram => 2_200,
        _ => 8_000,
    };
}
