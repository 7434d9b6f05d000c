using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
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
    : ICommand<AuthResponse>;

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
    ITenantProvisioner provisioner,
    SessionIssuer sessions,
    IAuditLog audit,
    EmailVerificationMailer verification,
    TimeProvider clock) : ICommandHandler<RegisterAccount, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(RegisterAccount command, CancellationToken cancellationToken)
    {
        // One PostgreSQL transaction holds the tenant row, the user, the membership, the new schema's DDL and the
        // first session: a failure anywhere, even a crash, leaves nothing behind, and a retry starts clean.
        await using var transaction = await catalog.BeginTransactionAsync(cancellationToken);
        var tenant = Tenant.Create(command.CompanyName, clock.GetUtcNow());
        if (TenantTime.Find(command.TimeZone?.Trim()) is { HasIanaId: true } zone)
        {
            tenant.SetTimeZone(zone.Id);
        }

        catalog.Tenants.Add(tenant);
        var user = await identity.CreateUserAsync(command.Email, command.Password, command.FullName, cancellationToken);
        catalog.Memberships.Add(TenantMembership.Create(tenant.Id, user.Id, TenantRole.Admin, clock.GetUtcNow()));
        await provisioner.CreateSchemaAsync(tenant, cancellationToken);
        tenant.MarkReady();
        var response = sessions.Start(user, tenant, TenantRole.Admin);
        await catalog.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await audit.RecordAsync(AuditEventType.SignedUp, tenant.Id, user.Id, $"Signed up and created '{tenant.Name}'.", cancellationToken);
        await verification.SendAsync(user, tenant.Id, cancellationToken);
        return response;
    }
}
