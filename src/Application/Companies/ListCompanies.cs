using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

/// <summary>The brands of the caller's tenant.</summary>
public sealed record ListCompanies : IQuery<IReadOnlyList<CompanyDto>>;

public sealed class ListCompaniesHandler(ITenantDb db) : IQueryHandler<ListCompanies, IReadOnlyList<CompanyDto>>
{
    public async ValueTask<IReadOnlyList<CompanyDto>> Handle(ListCompanies query, CancellationToken cancellationToken) =>
        (await db.Companies.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken)).Select(CompanyDto.From).ToList();
}
