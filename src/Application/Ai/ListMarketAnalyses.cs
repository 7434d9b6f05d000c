using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>A company's market analyses, newest first: the history the market analysis page shows.</summary>
public sealed record ListMarketAnalyses(Guid CompanyId) : IQuery<IReadOnlyList<MarketAnalysisDto>>;

public sealed class ListMarketAnalysesHandler(ITenantDb db) : IQueryHandler<ListMarketAnalyses, IReadOnlyList<MarketAnalysisDto>>
{
    public const int MaxShown = 50;

    public async ValueTask<IReadOnlyList<MarketAnalysisDto>> Handle(ListMarketAnalyses query, CancellationToken cancellationToken)
    {
        if (!await db.Companies.AnyAsync(c => c.Id == query.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", query.CompanyId);
        }

        return (await db.MarketAnalyses.AsNoTracking().Where(r => r.CompanyId == query.CompanyId)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(MaxShown).ToListAsync(cancellationToken))
            .Select(MarketAnalysisDto.From).ToList();
    }
}
