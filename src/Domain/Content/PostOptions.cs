namespace BrandAutomator.Domain.Content;

/// <summary>
/// The settings of one variant that only some networks have; each network reads its own and ignores the rest.
/// <list type="bullet">
/// <item><see cref="Title"/>: a Pinterest pin's title (optional) or a YouTube video's title (required).</item>
/// <item><see cref="BoardId"/>: the Pinterest board the pin goes to (required there); <see cref="Link"/> its destination link.</item>
/// <item><see cref="Privacy"/>: YouTube's privacy status (<c>public</c>, <c>unlisted</c>, <c>private</c>) or TikTok's
/// <c>privacy_level</c>, which the creator must choose among the options TikTok gives for their account.</item>
/// <item><see cref="Tags"/> and <see cref="PublishAt"/> (YouTube: the video stays private until then).</item>
/// <item>TikTok's interaction switches: comments, duets and stitches off.</item>
/// <item><see cref="FirstComment"/>: a comment (a reply on X) published right after the post, on the networks that take one
/// (<see cref="FollowUpRules"/>).</item>
/// <item><see cref="Thread"/>: on X, the parts after the first (the variant's text), each posted as a reply to the one before.</item>
/// </list>
/// </summary>
public sealed record PostOptions(
    string? Title = null,
    string? BoardId = null,
    string? Link = null,
    string? Privacy = null,
    IReadOnlyList<string>? Tags = null,
    DateTimeOffset? PublishAt = null,
    bool DisableComment = false,
    bool DisableDuet = false,
    bool DisableStitch = false,
    string? FirstComment = null,
    IReadOnlyList<string>? Thread = null)
{
    public const int MaxTitleLength = 100;
    public const int MaxLinkLength = 2_048;
    public const int MaxBoardIdLength = 64;
    public const int MaxTags = 50;

    /// <summary>YouTube's <c>snippet.tags</c>: at most 500 characters in all, a tag with a space counting its quotes.</summary>
    public const int MaxYouTubeTagCharacters = 500;

    public static readonly IReadOnlyList<string> YouTubePrivacies = ["public", "unlisted", "private"];

    /// <summary>TikTok's <c>privacy_level</c> values (Content Posting API, "Query Creator Info").</summary>
    public static readonly IReadOnlyList<string> TikTokPrivacies = ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"];

    /// <summary>Nothing set.</summary>
    public static PostOptions Empty { get; } = new();

    /// <summary>
    /// The options as they are kept: text trimmed, blanks dropped, tags without their # and without repeats; null when
    /// nothing is set, so a post without them stores nothing.
    /// </summary>
    public static PostOptions? Clean(PostOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var tags = (options.Tags ?? []).Select(t => t.Trim().TrimStart('#').Trim()).Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Thread parts are kept as typed (trimmed): an empty one is refused with its place, never dropped silently.
        var thread = options.Thread is { Count: > 0 } parts ? parts.Select(p => (p ?? "").Trim()).ToList() : null;
        var clean = new PostOptions(
            Text(options.Title), Text(options.BoardId), Text(options.Link), Text(options.Privacy), tags.Count == 0 ? null : tags,
            options.PublishAt?.ToUniversalTime(), options.DisableComment, options.DisableDuet, options.DisableStitch,
            Text(options.FirstComment), thread);
        return clean is { Title: null, BoardId: null, Link: null, Privacy: null, Tags: null, PublishAt: null, DisableComment: false, DisableDuet: false, DisableStitch: false, FirstComment: null, Thread: null }
            ? null
            : clean;
    }

    /// <summary>The tags' length as YouTube counts it: their characters, a comma between two, quotes around a tag with a space.</summary>
    public static int YouTubeTagLength(IReadOnlyList<string> tags) =>
        tags.Sum(t => t.Length + (t.Contains(' ', StringComparison.Ordinal) ? 2 : 0)) + Math.Max(0, tags.Count - 1);
}
