using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

public sealed record GetCompany(Guid Id) : IQuery<CompanyDto>;

public sealed class GetCompanyHandler(ITenantDb db) : IQueryHandler<GetCompany, CompanyDto>
{
    public async ValueTask<CompanyDto> Handle(GetCompany query, CancellationToken cancellationToken) =>
        CompanyDto.From(await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Company", query.Id));
}
