using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

public sealed record CompanyDto(
    Guid Id, string Name, string? Description, string? Industry, string? Website, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CompanyDto From(Company c) => new(c.Id, c.Name, c.Description, c.Industry, c.Website, c.CreatedAt, c.UpdatedAt);
}

/// <summary>The brands of the caller's tenant.</summary>
public sealed record ListCompanies : IQuery<IReadOnlyList<CompanyDto>>;

public sealed class ListCompaniesHandler(ITenantDb db) : IQueryHandler<ListCompanies, IReadOnlyList<CompanyDto>>
{
    public async ValueTask<IReadOnlyList<CompanyDto>> Handle(ListCompanies query, CancellationToken cancellationToken) =>
        (await db.Companies.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken)).Select(CompanyDto.From).ToList();
}

public sealed record GetCompany(Guid Id) : IQuery<CompanyDto>;

public sealed class GetCompanyHandler(ITenantDb db) : IQueryHandler<GetCompany, CompanyDto>
{
    public async ValueTask<CompanyDto> Handle(GetCompany query, CancellationToken cancellationToken) =>
        CompanyDto.From(await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Company", query.Id));
}

public sealed record CreateCompany(string Name, string? Description, string? Industry, string? Website) : ICommand<CompanyDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

public sealed record UpdateCompany(Guid Id, string Name, string? Description, string? Industry, string? Website) : ICommand<CompanyDto>, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Editor;
}

internal static class CompanyRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string> name, Func<T, string?> description, Func<T, string?> industry, Func<T, string?> website)
    {
        v.RuleFor(x => name(x)).NotEmpty().MaximumLength(Company.MaxNameLength).OverridePropertyName("name");
        v.RuleFor(x => description(x)).MaximumLength(Company.MaxDescriptionLength).OverridePropertyName("description");
        v.RuleFor(x => industry(x)).MaximumLength(Company.MaxIndustryLength).OverridePropertyName("industry");
        v.RuleFor(x => website(x))
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            .WithMessage("Enter a full web address starting with https://.")
            .OverridePropertyName("website");
    }
}

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompany>
{
    public CreateCompanyValidator() => CompanyRules.Apply(this, x => x.Name, x => x.Description, x => x.Industry, x => x.Website);
}

public sealed class UpdateCompanyValidator : AbstractValidator<UpdateCompany>
{
    public UpdateCompanyValidator() => CompanyRules.Apply(this, x => x.Name, x => x.Description, x => x.Industry, x => x.Website);
}

public sealed class CreateCompanyHandler(ITenantDb db, TimeProvider clock, Billing.PlanEntitlements entitlements) : ICommandHandler<CreateCompany, CompanyDto>
{
    public async ValueTask<CompanyDto> Handle(CreateCompany command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await entitlements.EnsureCanAddBrandAsync(cancellationToken);
        var company = Company.Create(command.Name, command.Description, command.Industry, command.Website, clock.GetUtcNow());
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CompanyDto.From(company);
    }
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

public sealed record DeleteCompany(Guid Id) : ICommand, IRequireRole
{
    public static TenantRole RequiredRole => TenantRole.Admin;
}

public sealed class DeleteCompanyHandler(ITenantDb db) : ICommandHandler<DeleteCompany>
{
    public async ValueTask<Unit> Handle(DeleteCompany command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Company", command.Id);
        db.Companies.Remove(company);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
