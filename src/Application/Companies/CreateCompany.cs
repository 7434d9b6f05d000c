using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Companies;

public sealed record CreateCompany(string Name, string? Description, string? Industry, string? Website)
    : ICommand<CompanyDto>, IRequireRole, ITransactionalCommand
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static TransactionStore Store => TransactionStore.Tenant;
}

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompany>
{
    public CreateCompanyValidator() => CompanyRules.Apply(this, x => x.Name, x => x.Description, x => x.Industry, x => x.Website);
}

public sealed class CreateCompanyHandler(ITenantDb db, TimeProvider clock, Billing.PlanEntitlements entitlements) : ICommandHandler<CreateCompany, CompanyDto>
{
    public async ValueTask<CompanyDto> Handle(CreateCompany command, CancellationToken cancellationToken)
    {
        await entitlements.EnsureCanAddBrandAsync(cancellationToken);
        var company = Company.Create(command.Name, command.Description, command.Industry, command.Website, clock.GetUtcNow());
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        return CompanyDto.From(company);
    }
}
