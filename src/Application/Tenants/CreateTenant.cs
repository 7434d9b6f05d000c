using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Tenants;

/// <summary>Creates another tenant (workspace) with the caller as its admin; switch to it with switch-tenant.</summary>
public sealed record CreateTenant(string Name) : ICommand<TenantDto>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(Tenant.MaxNameLength);
}

public sealed class CreateTenantHandler(
    WorkspaceProvisioner workspaces, CommandTransaction transaction, ICurrentUser currentUser, IAuditLog audit)
    : ICommandHandler<CreateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        var tenant = await workspaces.ProvisionAsync(transaction.Catalog, command.Name, timeZone: null, currentUser.UserId, cancellationToken);
        transaction.AfterCommit(ct =>
            audit.RecordAsync(AuditEventType.TenantCreated, tenant.Id, currentUser.UserId, $"Created '{tenant.Name}'.", ct));
        return new TenantDto(tenant.Id, tenant.Name, tenant.Slug, TenantRole.Admin.ToClaimValue(), tenant.TimeZone, tenant.CreatedAt, Current: false, tenant.RequiresTwoFactor);
    }
}
