using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Tenants;
using Mediator;

namespace BrandAutomator.Application.Recurring;

/// <summary>A recurring post with its rule and every occurrence made so far, each with its own state.</summary>
public sealed record GetRecurringSeries(Guid Id) : IQuery<RecurringSeriesDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Viewer;
}

public sealed class GetRecurringSeriesHandler(ITenantDb db, TenantTime time) : IQueryHandler<GetRecurringSeries, RecurringSeriesDto>
{
    public async ValueTask<RecurringSeriesDto> Handle(GetRecurringSeries query, CancellationToken cancellationToken)
    {
        var series = await RecurringReader.LoadAsync(db, query.Id, cancellationToken);
        return await RecurringReader.ToDtoAsync(db, series, await time.ZoneAsync(cancellationToken), cancellationToken);
    }
}
