using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Queue;

/// <summary>A brand's weekly posting times on every network (null: the times for posts without a brand).</summary>
public sealed record GetQueueSlots(Guid? CompanyId) : IQuery<QueueSlotsDto>;

public sealed class GetQueueSlotsHandler(ITenantDb db, TenantTime time) : IQueryHandler<GetQueueSlots, QueueSlotsDto>
{
    public async ValueTask<QueueSlotsDto> Handle(GetQueueSlots query, CancellationToken cancellationToken)
    {
        await QueueReader.EnsureBrandAsync(db, query.CompanyId, cancellationToken);
        var slots = await db.QueueSlots.AsNoTracking().Where(s => s.CompanyId == query.CompanyId).ToListAsync(cancellationToken);
        var ordered = slots
            .OrderBy(s => s.Platform).ThenBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Time) // weeks start on Monday
            .Select(QueueSlotDto.From).ToList();
        return new QueueSlotsDto(query.CompanyId, (await time.ZoneAsync(cancellationToken)).Id, ordered);
    }
}
