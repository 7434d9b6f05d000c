namespace BrandAutomator.Application.Social;

/// <summary>A Pinterest board a pin can go to.</summary>
public sealed record PinterestBoardDto(string Id, string Name, string? Description, string Privacy);

/// <summary>Pinterest's boards of the account a token speaks for (<c>GET /v5/boards</c>).</summary>
public interface IPinterestBoards
{
    /// <summary>The boards, or null when Pinterest refuses the token; throws <see cref="Common.Errors.ExternalServiceException"/> otherwise.</summary>
    Task<IReadOnlyList<PinterestBoardDto>?> ListAsync(string accessToken, CancellationToken cancellationToken);
}

/// <summary>
/// What a TikTok creator may post now (Content Posting API, "Query Creator Info"): who may see it (TikTok's
/// <c>privacy_level_options</c>, among which the creator must choose; there is no default), the interactions their own
/// settings turned off, and the longest video they may post.
/// </summary>
public sealed record TikTokCreatorDto(
    string Nickname, string? Username, string? AvatarUrl, IReadOnlyList<string> PrivacyLevelOptions, bool CommentDisabled, bool DuetDisabled,
    bool StitchDisabled, int? MaxVideoPostDurationSeconds);

/// <summary>TikTok's creator info for the account a token speaks for.</summary>
public interface ITikTokCreators
{
    /// <summary>The creator's info, or null when TikTok refuses the token; throws <see cref="Common.Errors.ExternalServiceException"/> otherwise.</summary>
    Task<TikTokCreatorDto?> QueryAsync(string accessToken, CancellationToken cancellationToken);
}
