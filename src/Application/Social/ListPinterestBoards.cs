using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>The boards of a connected Pinterest account, for choosing where a pin goes; an expired token is renewed once.</summary>
public sealed record ListPinterestBoards(Guid ConnectionId) : IQuery<IReadOnlyList<PinterestBoardDto>>;

public sealed class ListPinterestBoardsHandler(ITenantDb db, IPinterestBoards boards, PublishingCredentials credentials)
    : IQueryHandler<ListPinterestBoards, IReadOnlyList<PinterestBoardDto>>
{
    public async ValueTask<IReadOnlyList<PinterestBoardDto>> Handle(ListPinterestBoards query, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.SingleOrDefaultAsync(
                             c => c.Id == query.ConnectionId && c.Platform == SocialPlatform.Pinterest, cancellationToken)
                         ?? throw new NotFoundException("Pinterest connection", query.ConnectionId);
        var found = await boards.ListAsync(credentials.AccessToken(connection), cancellationToken);
        if (found is null && await credentials.TryRefreshAsync(connection, cancellationToken))
        {
            found = await boards.ListAsync(credentials.AccessToken(connection), cancellationToken);
        }

        return found ?? throw new ConflictException(
            $"Pinterest refused the access of \"{connection.DisplayName}\": reconnect this account on the Connections page.");
    }
}
