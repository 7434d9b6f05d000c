using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.BrandGuard;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.BrandGuard;

/// <summary>Which severities of finding stop a post being scheduled without an admin's confirmation.</summary>
public sealed record GetBrandGuardSettings : IQuery<BrandGuardSettingsDto>;

public sealed class GetBrandGuardSettingsHandler(ITenantDb db) : IQueryHandler<GetBrandGuardSettings, BrandGuardSettingsDto>
{
    public async ValueTask<BrandGuardSettingsDto> Handle(GetBrandGuardSettings query, CancellationToken cancellationToken) =>
        new((await db.TenantSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.BlockingSeverities ?? [FindingSeverity.High]);
}
