using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

public sealed record UpdateCompany(Guid Id, string Name, string? Description, string? Industry, string? Website) : ICommand<CompanyDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed class UpdateCompanyValidator : AbstractValidator<UpdateCompany>
{
    public UpdateCompanyValidator() => CompanyRules.Apply(this, x => x.Name, x => x.Description, x => x.Industry, x => x.Website);
}

public sealed class UpdateCompanyHandler(ITenantDb db, TimeProvider clock) : ICommandHandler<UpdateCompany, CompanyDto>
{
    public async ValueTask<CompanyDto> Handle(UpdateCompany command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Company", command.Id);
        company.Update(command.Name, command.Description, command.Industry, command.Website, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CompanyDto.From(company);
    }
}
