using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Companies;
using BrandAutomator.Domain.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Companies;

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
