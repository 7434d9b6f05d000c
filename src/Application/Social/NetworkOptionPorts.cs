namespace BrandAutomator.Application.Social;

/// <summary>A Pinterest board a pin can go to.</summary>
public sealed record PinterestBoardDto(string Id, string Name, string? Description, string Privacy);

/// <summary>Pinterest's boards of the account a token speaks for (<c>GET /v5/boards</c>).</summary>
public interface IPinterestBoards
{
    /// <summary>The boards, or null when Pinterest refuses the token; throws <see cref="Common.Errors.ExternalServiceException"/> otherwise.</summary>
    Task<IReadOnlyList<PinterestBoardDto>?> ListAsync(string accessToken, CancellationToken cancellationToken);
}
