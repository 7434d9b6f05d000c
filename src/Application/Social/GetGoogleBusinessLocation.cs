using System.Text.RegularExpressions;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record GetGoogleBusinessLocation(Guid Id) : IQuery<GoogleBusinessLocationDto>;

public sealed class GetGoogleBusinessLocationHandler(ITenantDb db) : IQueryHandler<GetGoogleBusinessLocation, GoogleBusinessLocationDto>
{
    public async ValueTask<GoogleBusinessLocationDto> Handle(GetGoogleBusinessLocation query, CancellationToken cancellationToken) =>
        GoogleBusinessLocationDto.From(await db.GoogleBusinessLocations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == query.Id, cancellationToken)
                                       ?? throw new NotFoundException("Google Business Profile location", query.Id));
}
