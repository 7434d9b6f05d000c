using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record ListGoogleBusinessLocations(Guid? CompanyId) : IQuery<IReadOnlyList<GoogleBusinessLocationDto>>;

public sealed class ListGoogleBusinessLocationsHandler(ITenantDb db) : IQueryHandler<ListGoogleBusinessLocations, IReadOnlyList<GoogleBusinessLocationDto>>
{
    public async ValueTask<IReadOnlyList<GoogleBusinessLocationDto>> Handle(ListGoogleBusinessLocations query, CancellationToken cancellationToken)
    {
        var locations = db.GoogleBusinessLocations.AsNoTracking();
        if (query.CompanyId is { } companyId)
        {
            locations = locations.Where(l => l.CompanyId == companyId);
        }

        return (await locations.OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken)).Select(GoogleBusinessLocationDto.From).ToList();
    }
}
