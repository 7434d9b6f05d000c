using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>The strategy versions of a company, newest first.</summary>
public sealed record ListBrandStrategyVersions(Guid CompanyId) : IQuery<IReadOnlyList<BrandStrategyVersionDto>>;

public sealed class ListBrandStrategyVersionsHandler(ITenantDb db) : IQueryHandler<ListBrandStrategyVersions, IReadOnlyList<BrandStrategyVersionDto>>
{
    public async ValueTask<IReadOnlyList<BrandStrategyVersionDto>> Handle(ListBrandStrategyVersions query, CancellationToken cancellationToken)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == query.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", query.CompanyId);
        }

        return (await db.StrategyVersions.AsNoTracking().Where(v => v.CompanyId == query.CompanyId)
                .OrderByDescending(v => v.Number).ToListAsync(cancellationToken))
            .Select(v => BrandStrategyVersionDto.From(v)).ToList();
    }
}
