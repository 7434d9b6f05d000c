using BrandAutomator.Application.Common.Ports;
using Mediator;

namespace BrandAutomator.Application.Content;

public sealed record GetContent(Guid Id) : IQuery<ContentItemDto>;

public sealed class GetContentHandler(ITenantDb db, TenantTime time, TimeProvider clock) : IQueryHandler<GetContent, ContentItemDto>
{
    public async ValueTask<ContentItemDto> Handle(GetContent query, CancellationToken cancellationToken)
    {
        var item = await ContentReader.LoadAsync(db, query.Id, cancellationToken);
        return await ContentReader.ToDtoAsync(db, item, await time.ZoneAsync(cancellationToken), clock.GetUtcNow(), cancellationToken);
    }
}
