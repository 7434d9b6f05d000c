using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Onboarding;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// Makes a strategy version the company's own: vision, mission, values, positioning and voice are written into the
/// profile through the company's rules. Returns the updated profile.
/// </summary>
public sealed record AcceptBrandStrategyVersion(Guid VersionId) : ICommand<CompanyProfileDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class AcceptBrandStrategyVersionHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<AcceptBrandStrategyVersion, CompanyProfileDto>
{
    public async ValueTask<CompanyProfileDto> Handle(AcceptBrandStrategyVersion command, CancellationToken cancellationToken)
    {
        var version = await db.StrategyVersions.SingleOrDefaultAsync(v => v.Id == command.VersionId, cancellationToken)
            ?? throw new NotFoundException("Strategy version", command.VersionId);
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == version.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", version.CompanyId);
        version.AcceptInto(company, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CompanyProfileDto.From(company);
    }
}
