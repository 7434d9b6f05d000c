using BrandAutomator.Application.Common.Errors;
using Mediator;

namespace BrandAutomator.Application.Links;

/// <summary>
/// A click on a short link: where it goes. People's clicks are counted; crawlers and preview fetchers (by user agent)
/// and HEAD requests are not. The count is noted in memory, so the redirect never waits for the database's write.
/// </summary>
public sealed record FollowShortLink(string Code, string? UserAgent, bool HeadOnly) : IQuery<string>;

public sealed class FollowShortLinkHandler(IShortLinkDirectory directory, IClickCounter counter) : IQueryHandler<FollowShortLink, string>
{
    public async ValueTask<string> Handle(FollowShortLink query, CancellationToken cancellationToken)
    {
        if (!ShortLinkCodes.LooksLikeCode(query.Code) || await directory.FindTargetAsync(query.Code, cancellationToken) is not { } target)
        {
            throw new NotFoundException("Link");
        }

        if (!query.HeadOnly && !BotUserAgents.IsBot(query.UserAgent))
        {
            counter.Count(query.Code);
        }

        return target;
    }
}
