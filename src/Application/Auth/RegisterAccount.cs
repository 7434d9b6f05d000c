using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Tenants;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace BrandAutomator.Application.Auth;

/// <summary>Sign-up: a new tenant with its own schema and its first admin, made as one unit.</summary>
/// <remarks>
/// <see cref="TimeZone"/> is the browser's IANA zone, proposed so that times read right from the first minute; an unknown
/// or missing zone leaves the workspace on UTC (the settings page can change it), never refuses the sign-up.
/// </remarks>
public sealed record RegisterAccount(string Email, string Password, string FullName, string CompanyName, string? TimeZone = null)
    : ICommand<AuthResponse>, ITransactionalCommand
{
    public static TransactionStore Store => TransactionStore.Catalog;
}

public sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(x => x.Password).StrongPassword();
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(120);
        RuleFor(x => x.CompanyName).NotEmpty().MaximumLength(Tenant.MaxNameLength);
    }
}

public sealed class RegisterAccountHandler(
    ICatalogDb catalog,
    IIdentityService identity,
    WorkspaceProvisioner workspaces,
    CommandTransaction transaction,
    SessionIssuer sessions,
    IAuditLog audit,
    EmailVerificationMailer verification) : ICommandHandler<RegisterAccount, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(RegisterAccount command, CancellationToken cancellationToken)
    {
        // One PostgreSQL transaction (the command's) holds the user, the tenant row, the membership, the new schema's DDL
        // and the first session: a failure anywhere, even a crash, leaves nothing behind, and a retry starts clean.
        // The password is hashed on the thread pool while PostgreSQL creates the schema (or renames a spare made ahead of
        // time); the user is saved after it.
        var password = identity.HashInBackground(command.Password);
        UserAccount? created = null;
        var tenant = await workspaces.ProvisionAsync(transaction.Catalog, command.CompanyName, command.TimeZone, async ct =>
        {
            created = await identity.CreateUserAsync(transaction.Catalog, command.Email, password, command.FullName, ct);
            return created.Id;
        }, cancellationToken);
        var user = created ?? throw new InvalidOperationException("The workspace was provisioned without its admin.");
        var response = sessions.Start(user, tenant, TenantRole.Admin);
        await catalog.SaveChangesAsync(cancellationToken);

        transaction.AfterCommit(async ct =>
        {
            await audit.RecordAsync(AuditEventType.SignedUp, tenant.Id, user.Id, $"Signed up and created '{tenant.Name}'.", ct);
            await verification.SendAsync(user, tenant.Id, ct);
        });
        return response;
    }
}
