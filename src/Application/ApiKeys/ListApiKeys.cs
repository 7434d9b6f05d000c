using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>The workspace's API keys, newest first, revoked ones included (they show when a key stopped working).</summary>
public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyDto>>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class ListApiKeysHandler(ICatalogDb catalog, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await catalog.ApiKeys.AsNoTracking()
            .Where(k => k.TenantId == currentUser.TenantId)
            .OrderByDescending(k => k.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return keys.Select(k => ApiKeyDto.From(k, now)).ToList();
    }
}
