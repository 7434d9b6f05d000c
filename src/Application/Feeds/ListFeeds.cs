using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Feeds;

/// <summary>The feeds the workspace's brands watch, with how each is doing and how many posts it made.</summary>
public sealed record ListFeeds : IQuery<IReadOnlyList<FeedDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class ListFeedsHandler(ITenantDb db) : IQueryHandler<ListFeeds, IReadOnlyList<FeedDto>>
{
    public async ValueTask<IReadOnlyList<FeedDto>> Handle(ListFeeds query, CancellationToken cancellationToken)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var posts = await db.FeedEntries.AsNoTracking().Where(e => e.ContentItemId != null).GroupBy(e => e.FeedId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return feeds.Select(f => FeedDto.From(f, posts.GetValueOrDefault(f.Id))).ToList();
    }
}
