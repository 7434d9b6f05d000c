using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Tenants;

/// <summary>Creates another tenant (workspace) with the caller as its admin; switch to it with switch-tenant.</summary>
public sealed record CreateTenant(string Name) : ICommand<TenantDto>;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(Tenant.MaxNameLength);
}

public sealed class CreateTenantHandler(
    ICatalogDb catalog, ITenantProvisioner provisioner, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var tenant = Tenant.Create(command.Name, clock.GetUtcNow());
        catalog.Tenants.Add(tenant);
        catalog.Memberships.Add(TenantMembership.Create(tenant.Id, currentUser.UserId, TenantRole.Admin, clock.GetUtcNow()));
        await catalog.SaveChangesAsync(cancellationToken);
        await provisioner.CreateSchemaAsync(tenant, cancellationToken);
        tenant.MarkReady();
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await audit.RecordAsync(AuditEventType.TenantCreated, tenant.Id, currentUser.UserId, $"Created '{tenant.Name}'.", cancellationToken);
        return new TenantDto(tenant.Id, tenant.Name, tenant.Slug, TenantRole.Admin.ToClaimValue(), tenant.TimeZone, tenant.CreatedAt, Current: false, tenant.RequiresTwoFactor);
    }
}
