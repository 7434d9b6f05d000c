using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Social;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

/// <summary>A connected TikTok creator's posting options, for the composer; an expired token is renewed once.</summary>
public sealed record GetTikTokCreatorInfo(Guid ConnectionId) : IQuery<TikTokCreatorDto>;

public sealed class GetTikTokCreatorInfoHandler(ITenantDb db, ITikTokCreators creators, PublishingCredentials credentials)
    : IQueryHandler<GetTikTokCreatorInfo, TikTokCreatorDto>
{
    public async ValueTask<TikTokCreatorDto> Handle(GetTikTokCreatorInfo query, CancellationToken cancellationToken)
    {
        var connection = await db.SocialConnections.SingleOrDefaultAsync(
                             c => c.Id == query.ConnectionId && c.Platform == SocialPlatform.TikTok, cancellationToken)
                         ?? throw new NotFoundException("TikTok connection", query.ConnectionId);
        var creator = await creators.QueryAsync(credentials.AccessToken(connection), cancellationToken);
        if (creator is null && await credentials.TryRefreshAsync(connection, cancellationToken))
        {
            creator = await creators.QueryAsync(credentials.AccessToken(connection), cancellationToken);
        }

        return creator ?? throw new ConflictException(
            $"TikTok refused the access of \"{connection.DisplayName}\": reconnect this account on the Connections page.");
    }
}
